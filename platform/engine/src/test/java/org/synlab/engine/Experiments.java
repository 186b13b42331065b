package org.synlab.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs experiment files in-process on the shipped plugins. */
final class Experiments {

    /** The repository's experiments folder, found from the module directory Maven runs tests in. */
    static final Path FOLDER = locate();

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("experiments"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no experiments/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("experiments");
    }

    private static final ShippedPlugins PLUGINS = new ShippedPlugins();

    static RunResult run(String file, String... overrides) throws BadInputException {
        return run(FOLDER.resolve(file), overrides);
    }

    static RunResult run(Path file, String... overrides) throws BadInputException {
        return prepare(file, overrides).execute(RunListener.NONE, new RunControl());
    }

    static PreparedRun prepare(Path file, String... overrides) throws BadInputException {
        return PLUGINS.executor().prepare(ExperimentLoader.load(file, List.of(overrides)));
    }

    private Experiments() {
    }
}
