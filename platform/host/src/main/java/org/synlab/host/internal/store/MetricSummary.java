package org.synlab.host.internal.store;

/** A metric's recorded history in a line: how many points, over which steps, its range and last value. */
public record MetricSummary(String metric, long points, long firstStep, long lastStep, double min, double max,
                            double last) {
}
