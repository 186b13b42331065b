package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * Row-wise softmax. The row maximum is subtracted before exponentiating, so logits in the thousands
 * neither overflow nor lose the distribution; a -inf logit gets probability 0.
 */
final class Softmax {

    private Softmax() {
    }

    static void rows(WorkPool pool, CpuTensor in, CpuTensor out) {
        Reductions.requireMatrix(in, "softmaxRows");
        if (!Arrays.equals(in.shapeView(), out.shapeView())) {
            throw new IllegalArgumentException("softmaxRows: out has shape " + Shapes.format(out.shapeView())
                    + " but the input has shape " + Shapes.format(in.shapeView()));
        }
        int rows = in.rows();
        int cols = in.cols();
        float[] x = in.data();
        float[] y = out.data();
        int rowsPerTask = Math.max(1, Chunks.ELEMENTS / Math.max(1, cols));
        pool.forEach(Chunks.count(rows, rowsPerTask), task -> {
            int r1 = Math.min(rows, (task + 1) * rowsPerTask);
            for (int r = task * rowsPerTask; r < r1; r++) {
                row(x, y, r * cols, cols);
            }
        });
    }

    /** Reads each x[i] before writing y[i], so in and out may be the same tensor. */
    private static void row(float[] x, float[] y, int from, int cols) {
        int to = from + cols;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, x[i]);
        }
        if (Float.isInfinite(max)) {
            infiniteRow(x, y, from, to, max);
            return;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) Math.exp(x[i] - max);
            y[i] = e;
            sum += e;
        }
        for (int i = from; i < to; i++) {
            y[i] = (float) (y[i] / sum);
        }
    }

    /**
     * The limits of softmax where subtracting the maximum would give inf - inf: a row that is all
     * -inf becomes uniform, and +inf logits share the whole probability equally.
     */
    private static void infiniteRow(float[] x, float[] y, int from, int to, float max) {
        int ties = 0;
        for (int i = from; i < to; i++) {
            if (x[i] == max) {
                ties++;
            }
        }
        float share = 1f / ties;
        for (int i = from; i < to; i++) {
            y[i] = x[i] == max ? share : 0f;
        }
    }
}
