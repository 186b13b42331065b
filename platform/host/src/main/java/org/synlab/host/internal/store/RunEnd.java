package org.synlab.host.internal.store;

import java.util.List;
import java.util.Map;

/** How a run ended: status, reason, final metrics, notes and the files it left. */
public record RunEnd(String id, String status, String reason, long endedMillis, double wallSeconds,
                     Map<String, Double> metrics, List<String> notes, List<Artifact> artifacts) {
    public RunEnd {
        metrics = Map.copyOf(metrics);
        notes = List.copyOf(notes);
        artifacts = List.copyOf(artifacts);
    }
}
