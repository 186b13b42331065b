package org.synlab.engine.internal;

import java.util.List;
import org.synlab.api.Dataset.Task;
import org.synlab.engine.ClassificationReport;

/**
 * Counts a classifier's predictions against the targets over the batches of one split, the way
 * {@link Accuracy} decides what is right (0.5 threshold for binary outputs, arg-max for one-hot),
 * and turns the counts into a {@link ClassificationReport}. The counters are allocated once, so
 * adding a batch allocates nothing.
 */
public final class ConfusionTally {

    private final Task task;
    private final int outputs;
    private final List<String> classes;
    private final boolean multiLabel;
    /** Single-label: rows = true class, columns = predicted. */
    private final long[][] confusion;
    /** Multi-label: per label. */
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long[] falseNegatives;
    private long correctLabels;
    private long labels;

    public ConfusionTally(Task task, int outputs, List<String> outputNames) {
        if (!applies(task)) {
            throw new IllegalArgumentException(task + " data has no classes");
        }
        this.task = task;
        this.outputs = outputs;
        this.multiLabel = task == Task.BINARY && outputs > 1;
        this.classes = task == Task.BINARY && outputs == 1 ? List.of("0", "1") : List.copyOf(outputNames);
        this.confusion = multiLabel ? null : new long[classes.size()][classes.size()];
        this.truePositives = new long[outputs];
        this.falsePositives = new long[outputs];
        this.falseNegatives = new long[outputs];
    }

    static boolean applies(Task task) {
        return task == Task.BINARY || task == Task.MULTICLASS;
    }

    public void add(float[] predicted, float[] target, int rows) {
        for (int r = 0; r < rows; r++) {
            int offset = r * outputs;
            if (multiLabel) {
                for (int o = 0; o < outputs; o++) {
                    boolean p = predicted[offset + o] >= 0.5f;
                    boolean t = target[offset + o] >= 0.5f;
                    if (p && t) {
                        truePositives[o]++;
                    } else if (p) {
                        falsePositives[o]++;
                    } else if (t) {
                        falseNegatives[o]++;
                    }
                    if (p == t) {
                        correctLabels++;
                    }
                    labels++;
                }
            } else if (task == Task.BINARY) {
                confusion[target[offset] >= 0.5f ? 1 : 0][predicted[offset] >= 0.5f ? 1 : 0]++;
            } else {
                confusion[argmax(target, offset)][argmax(predicted, offset)]++;
            }
        }
    }

    private int argmax(float[] v, int offset) {
        int best = 0;
        for (int j = 1; j < outputs; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    public ClassificationReport report(String split) {
        return multiLabel
                ? ReportMath.fromLabels(split, classes, truePositives, falsePositives, falseNegatives,
                        labels == 0 ? Double.NaN : (double) correctLabels / labels)
                : ReportMath.fromConfusion(split, classes, confusion);
    }
}
