package org.synlab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment file as it will run: parsed, overrides applied, not yet resolved against plugins.
 *
 * @param file      where it came from
 * @param name      the {@code experiment} key, else the file name without extension
 * @param seed      the {@code seed} key (default 1)
 * @param config    the whole document after overrides (maps, lists and scalars as YAML gives them)
 * @param overrides the {@code key=value} overrides applied, in order
 */
public record Experiment(Path file, String name, long seed, Map<String, Object> config, List<String> overrides) {
    public Experiment {
        overrides = List.copyOf(overrides);
    }
}
