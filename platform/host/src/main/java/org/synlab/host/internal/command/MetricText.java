package org.synlab.host.internal.command;

import java.util.Locale;
import java.util.Map;

/** How metric values read on a terminal, and which progress metrics mean loss, accuracy, speed. */
final class MetricText {

    static final String SAMPLES_PER_SECOND = "samples_per_second";

    private MetricText() {
    }

    /** {@code 12}, {@code 0.01235}, {@code 51679}, {@code 1.235e-05}, {@code NaN}: four significant digits below 1000. */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "NaN";
        }
        if (value.isInfinite()) {
            return value > 0 ? "inf" : "-inf";
        }
        double v = value;
        if ((v == Math.rint(v) || Math.abs(v) >= 1000) && Math.abs(v) < 1e15) {
            // counts and rates read better whole: 51679 samples/s, not 5.168e+04
            return Long.toString(Math.round(v));
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** {@code train.loss}, else the first (sorted) metric named {@code ...loss}; null if none. */
    static Double loss(Map<String, Double> metrics) {
        return pick(metrics, "train.loss", "loss");
    }

    /** {@code train.accuracy}, else the first (sorted) metric named {@code ...accuracy}; null if none. */
    static Double accuracy(Map<String, Double> metrics) {
        return pick(metrics, "train.accuracy", "accuracy");
    }

    private static Double pick(Map<String, Double> metrics, String preferred, String suffix) {
        if (metrics.containsKey(preferred)) {
            return metrics.get(preferred);
        }
        return metrics.keySet().stream().sorted().filter(k -> k.equals(suffix) || k.endsWith("." + suffix))
                .findFirst().map(metrics::get).orElse(null);
    }
}
