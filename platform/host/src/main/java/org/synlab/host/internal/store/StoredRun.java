package org.synlab.host.internal.store;

import java.util.List;
import java.util.Map;

/**
 * A run as the store keeps it.
 *
 * @param endedMillis null while running (and for a run whose end was never recorded)
 * @param wallSeconds null until the run has ended
 * @param metrics     the final metrics by name (empty until the run ends); NaN where none was finite
 */
public record StoredRun(String id, String experiment, String file, String config, List<String> overrides, long seed,
                        String backend, String gitCommit, long startedMillis, Long endedMillis, String status,
                        String reason, Double wallSeconds, List<String> notes, Map<String, Double> metrics) {

    public static final String RUNNING = "running";
    public static final String INTERRUPTED = "interrupted";
    /** Every status a stored run can have. */
    public static final List<String> STATUSES = List.of(RUNNING, "finished", "failed", INTERRUPTED);

    public StoredRun {
        overrides = List.copyOf(overrides);
        notes = List.copyOf(notes);
    }
}
