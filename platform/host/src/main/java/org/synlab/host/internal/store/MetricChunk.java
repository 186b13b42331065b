package org.synlab.host.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive points of one metric of one run, stored as one row: the steps, wall times and values
 * as space-separated text, with the count, step range, minimum, maximum and last value beside them
 * so that summaries stay in SQL.
 *
 * <p>Why not a row per point: a run that logs every step of a small network reports tens of
 * thousands of points a second, and a row per point cost the embedded database about 3-30 us each
 * (index and constraint upkeep), i.e. a second core busy with bookkeeping. A row per metric per
 * commit costs the same whatever the rate. Text rather than binary keeps the columns plain
 * {@code VARCHAR} in every database and readable in any SQL console; {@link Double#toString}
 * round-trips every double exactly.
 */
final class MetricChunk {

    private final String runId;
    private final String metric;
    private final StringBuilder steps = new StringBuilder();
    private final StringBuilder wallMillis = new StringBuilder();
    private final StringBuilder values = new StringBuilder();
    private int points;
    private long firstStep;
    private long lastStep;
    private long lastWallMillis;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double last = Double.NaN;

    MetricChunk(String runId, String metric) {
        this.runId = runId;
        this.metric = metric;
    }

    void add(long step, long wall, Double value) {
        double v = value == null ? Double.NaN : value;
        if (points > 0) {
            steps.append(' ');
            wallMillis.append(' ');
            values.append(' ');
        } else {
            firstStep = step;
        }
        steps.append(step);
        wallMillis.append(wall);
        values.append(Double.isFinite(v) ? Double.toString(v) : "NaN");
        points++;
        lastStep = step;
        lastWallMillis = wall;
        last = v;
        if (Double.isFinite(v)) {
            min = Double.isNaN(min) ? v : Math.min(min, v);
            max = Double.isNaN(max) ? v : Math.max(max, v);
        }
    }

    String runId() {
        return runId;
    }

    String metric() {
        return metric;
    }

    int points() {
        return points;
    }

    long firstStep() {
        return firstStep;
    }

    long lastStep() {
        return lastStep;
    }

    long lastWallMillis() {
        return lastWallMillis;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double last() {
        return last;
    }

    String steps() {
        return steps.toString();
    }

    String wallMillis() {
        return wallMillis.toString();
    }

    String values() {
        return values.toString();
    }

    /** The points of a stored row, in order. */
    static List<HistoryPoint> decode(String metric, String steps, String wallMillis, String values) {
        String[] s = steps.split(" ");
        String[] w = wallMillis.split(" ");
        String[] v = values.split(" ");
        if (s.length != w.length || s.length != v.length) {
            throw new IllegalStateException("a stored chunk of " + metric + " has " + s.length + " steps, "
                    + w.length + " wall times and " + v.length + " values");
        }
        List<HistoryPoint> points = new ArrayList<>(s.length);
        for (int i = 0; i < s.length; i++) {
            points.add(new HistoryPoint(metric, Long.parseLong(s[i]), Long.parseLong(w[i]), Double.parseDouble(v[i])));
        }
        return points;
    }
}
