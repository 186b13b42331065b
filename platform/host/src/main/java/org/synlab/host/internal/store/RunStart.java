package org.synlab.host.internal.store;

import java.util.List;

/**
 * A run as it starts: written at once with status {@code running}, so a host killed mid-run
 * leaves a row that the next start can mark interrupted.
 *
 * @param file      the experiment file, absolute; null when the run came from no file
 * @param config    the experiment as run (after overrides), YAML; null when unknown
 * @param gitCommit HEAD of the repository holding the experiment file; null when there is none
 */
public record RunStart(String id, String experiment, String file, String config, List<String> overrides, long seed,
                       String backend, String gitCommit, long startedMillis, RunOwner owner, List<PluginUse> plugins) {
    public RunStart {
        overrides = List.copyOf(overrides);
        plugins = List.copyOf(plugins);
    }
}
