package org.synlab.engine.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows one metric epoch by epoch for {@code training.early_stopping} and says when to stop: as
 * Keras counts, an epoch improves on the best so far when it beats it by more than {@code min_delta},
 * and training stops once {@code patience} epochs in a row have not.
 */
final class EarlyStopping {

    private final EarlyStoppingSpec spec;
    private double best = Double.NaN;
    private int bestEpoch;
    private int epochsWithoutImprovement;
    private int stoppedAfter;

    EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    EarlyStoppingSpec spec() {
        return spec;
    }

    /** Records the epoch's metrics; returns whether this epoch is the best so far. */
    boolean improvedAfter(int epoch, Map<String, Double> epochMetrics) {
        Double value = epochMetrics.get(spec.metric());
        boolean improved = value != null && !value.isNaN() && (Double.isNaN(best)
                || (spec.minimise() ? value < best - spec.minDelta() : value > best + spec.minDelta()));
        if (improved) {
            best = value;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        if (epochsWithoutImprovement >= spec.patience() && epochsWithoutImprovement > 0) {
            stoppedAfter = epoch;
        }
        return improved;
    }

    /** Whether training should stop now. */
    boolean shouldStop() {
        return stoppedAfter > 0;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    /** {@code stopped_early}, {@code best_epoch}, {@code best.<metric>} and a note. */
    void report(int lastEpoch, boolean restored, Map<String, Double> metrics, List<String> notes) {
        metrics.put("stopped_early", stoppedAfter > 0 ? 1.0 : 0.0);
        if (bestEpoch > 0) {
            metrics.put("best_epoch", (double) bestEpoch);
            metrics.put("best." + spec.metric(), best);
        }
        String bestText = bestEpoch == 0 ? "no epoch measured " + spec.metric()
                : "best " + spec.metric() + " " + String.format(Locale.ROOT, "%.4g", best) + " at epoch " + bestEpoch;
        String what = stoppedAfter > 0
                ? "early stopping: " + spec.metric() + " did not improve by more than " + spec.minDelta() + " for "
                        + spec.patience() + " epoch(s), so training stopped after epoch " + stoppedAfter
                : "early stopping: did not trigger within " + lastEpoch + " epoch(s)";
        String restoreText = !spec.restoreBest() ? ""
                : restored ? "; restored the weights of epoch " + bestEpoch
                : "; the last epoch was the best, nothing to restore";
        notes.add(what + " (" + bestText + ")" + restoreText);
    }
}
