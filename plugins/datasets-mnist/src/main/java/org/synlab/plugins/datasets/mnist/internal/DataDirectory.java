package org.synlab.plugins.datasets.mnist.internal;

import java.nio.file.Path;

/**
 * Where a dataset's files live: the {@code dir} parameter when set; otherwise
 * {@code <synlab.data>/datasets/<dataset>}, where the system property {@code synlab.data} is set by
 * the launcher (from {@code SYNLAB_DATA}, default {@code ~/.synlab}); otherwise
 * {@code ~/.synlab/datasets/<dataset>}. Data is cached outside the repository so that a clean
 * checkout or build never deletes it.
 */
public final class DataDirectory {

    /** The system property the launcher sets to the root of Synlab's cached data. */
    public static final String DATA_ROOT_PROPERTY = "synlab.data";

    private DataDirectory() {
    }

    /**
     * @param dirParameter the dataset's {@code dir} parameter; blank means "use the default"
     * @param datasetFolder the folder under {@code datasets/}, e.g. {@code mnist}
     */
    public static Path resolve(String dirParameter, String datasetFolder) {
        if (dirParameter != null && !dirParameter.isBlank()) {
            return expandHome(dirParameter.strip());
        }
        String root = System.getProperty(DATA_ROOT_PROPERTY);
        Path base = root == null || root.isBlank()
                ? Path.of(System.getProperty("user.home"), ".synlab")
                : expandHome(root.strip());
        return base.resolve("datasets").resolve(datasetFolder).toAbsolutePath().normalize();
    }

    // a path written in an experiment file is not seen by a shell, so "~/data" arrives unexpanded
    private static Path expandHome(String path) {
        if (path.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(2));
        }
        return Path.of(path).toAbsolutePath().normalize();
    }
}
