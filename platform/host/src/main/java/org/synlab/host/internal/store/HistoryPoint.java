package org.synlab.host.internal.store;

/** One value of a metric's history; {@code value} is NaN where the run reported no finite number. */
public record HistoryPoint(String metric, long step, long wallMillis, double value) {
}
