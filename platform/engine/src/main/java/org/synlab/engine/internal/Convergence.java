package org.synlab.engine.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a run's stop condition epoch by epoch ({@code training.stop_when}) and reports whether,
 * and when, the run converged; a run without a condition reports nothing.
 */
final class Convergence {

    private final ExperimentSpec.StopCondition stop;
    private double best = Double.NaN;
    private int reachedAt;

    Convergence(ExperimentSpec.StopCondition stop) {
        this.stop = stop;
    }

    /** Whether the condition holds on this epoch's metrics (training should then stop). */
    boolean reachedAfter(int epoch, Map<String, Double> epochMetrics) {
        Double value = stop == null ? null : epochMetrics.get(stop.metric());
        if (value == null) {
            return false;
        }
        best = Double.isNaN(best) ? value : stop.atLeast() != null ? Math.max(best, value) : Math.min(best, value);
        if (stop.reached(value)) {
            reachedAt = epoch;
            return true;
        }
        return false;
    }

    /** {@code converged}, {@code epochs_to_converge} and a note saying what happened. */
    void report(int epochBudget, Map<String, Double> metrics, List<String> notes) {
        if (stop == null) {
            return;
        }
        metrics.put("converged", reachedAt > 0 ? 1.0 : 0.0);
        if (reachedAt > 0) {
            metrics.put("epochs_to_converge", (double) reachedAt);
            notes.add("converged: " + stop + " after " + reachedAt + " epoch(s)");
        } else {
            notes.add("did not converge: " + stop + " was not reached within " + epochBudget + " epochs (best "
                    + stop.metric() + " " + (Double.isNaN(best) ? "n/a" : String.format(Locale.ROOT, "%.4g", best)) + ")");
        }
    }
}
