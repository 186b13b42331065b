package org.synlab.engine.internal;

import org.synlab.api.Dataset.Task;

/**
 * Counts correct predictions on the host, as Keras does: binary targets compare each output
 * thresholded at 0.5 (per output, so a multi-label net is scored element by element), one-hot
 * targets compare the arg-max.
 */
final class Accuracy {

    private final Task task;
    private final int outputs;
    private final long[] correctPerOutput;
    private long correct;
    private long total;

    Accuracy(Task task, int outputs) {
        this.task = task;
        this.outputs = outputs;
        this.correctPerOutput = new long[outputs];
    }

    boolean applicable() {
        return task == Task.BINARY || task == Task.MULTICLASS;
    }

    void add(float[] predicted, float[] target, int rows) {
        if (task == Task.BINARY) {
            for (int i = 0; i < rows * outputs; i++) {
                boolean hit = (predicted[i] >= 0.5f) == (target[i] >= 0.5f);
                if (hit) {
                    correct++;
                    correctPerOutput[i % outputs]++;
                }
                total++;
            }
        } else if (task == Task.MULTICLASS) {
            for (int r = 0; r < rows; r++) {
                if (argmax(predicted, r * outputs) == argmax(target, r * outputs)) {
                    correct++;
                }
                total++;
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

    double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Accuracy of one binary output alone. */
    double valueOf(int output) {
        long perOutput = total / outputs;
        return perOutput == 0 ? Double.NaN : (double) correctPerOutput[output] / perOutput;
    }

    void reset() {
        correct = 0;
        total = 0;
        java.util.Arrays.fill(correctPerOutput, 0);
    }
}
