package org.synlab.host.internal.store;

import java.util.Map;

/** The metrics of one step of a run, as one progress report carries them. */
public record MetricPoints(String runId, long step, long wallMillis, Map<String, Double> values) {
}
