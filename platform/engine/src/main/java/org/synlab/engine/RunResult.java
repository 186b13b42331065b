package org.synlab.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a run.
 *
 * @param status      finished or failed
 * @param reason      why it failed (null when finished)
 * @param metrics     final metrics by dotted name ({@code train.loss}, {@code train.accuracy},
 *                    {@code epochs}, {@code samples_per_second}...); values are numbers
 * @param notes       plain sentences for the user (e.g. "did not converge within 100 epochs")
 * @param wallSeconds wall-clock seconds from start to end of the run
 * @param history     per-epoch values of the training metrics ({@code train.loss}, {@code val.loss},
 *                    {@code lr} ...), epoch 1 first
 * @param report      the classification report of the test split (else of the last split evaluated);
 *                    null for regression, and for runs that failed before the final evaluation
 */
public record RunResult(RunStatus status, String reason, Map<String, Double> metrics, List<String> notes,
                        double wallSeconds, Map<String, List<Double>> history, ClassificationReport report) {
    public RunResult {
        metrics = Map.copyOf(metrics);
        notes = List.copyOf(notes);
        history = Map.copyOf(history);
    }

    /** A result without a classification report. */
    public RunResult(RunStatus status, String reason, Map<String, Double> metrics, List<String> notes,
                     double wallSeconds, Map<String, List<Double>> history) {
        this(status, reason, metrics, notes, wallSeconds, history, null);
    }

    /** A result without per-epoch history. */
    public RunResult(RunStatus status, String reason, Map<String, Double> metrics, List<String> notes,
                     double wallSeconds) {
        this(status, reason, metrics, notes, wallSeconds, Map.of(), null);
    }
}
