package org.synlab.plugins.backend.cpu.internal;

/**
 * Sums in double precision. Partial sums cover fixed ranges that do not depend on the thread count
 * and are combined in index order, so every result is the same on any number of threads.
 */
final class Reductions {

    /** Rows summed into one partial per column before partials are combined (sumColumns). */
    private static final int MIN_ROWS_PER_PARTIAL = 64;
    /** Widest column slice one sumColumns task covers, so short, wide matrices still spread. */
    private static final int COLUMNS_PER_TASK = 2048;

    private Reductions() {
    }

    static double sum(WorkPool pool, CpuTensor t) {
        float[] x = t.data();
        int size = x.length;
        int chunks = Chunks.count(size, Chunks.ELEMENTS);
        double[] partial = new double[chunks];
        pool.forEach(chunks, chunk -> {
            int from = chunk * Chunks.ELEMENTS;
            partial[chunk] = range(x, from, Math.min(size, from + Chunks.ELEMENTS));
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    static void sumRows(WorkPool pool, CpuTensor m, CpuTensor out) {
        requireMatrix(m, "sumRows");
        int rows = m.rows();
        int cols = m.cols();
        requireSize(out, rows, "sumRows", m, "rows");
        float[] x = m.data();
        float[] y = out.data();
        int rowsPerTask = Math.max(1, Chunks.ELEMENTS / Math.max(1, cols));
        pool.forEach(Chunks.count(rows, rowsPerTask), task -> {
            int r1 = Math.min(rows, (task + 1) * rowsPerTask);
            for (int r = task * rowsPerTask; r < r1; r++) {
                y[r] = (float) range(x, r * cols, r * cols + cols);
            }
        });
    }

    static void sumColumns(WorkPool pool, CpuTensor m, CpuTensor out) {
        requireMatrix(m, "sumColumns");
        int rows = m.rows();
        int cols = m.cols();
        requireSize(out, cols, "sumColumns", m, "columns");
        float[] x = m.data();
        float[] y = out.data();
        int rowsPerPartial = Math.max(MIN_ROWS_PER_PARTIAL, Chunks.ELEMENTS / Math.max(1, cols));
        int partials = Chunks.count(rows, rowsPerPartial);
        int colTasks = Chunks.count(cols, COLUMNS_PER_TASK);
        double[] partial = new double[partials * cols];
        pool.forEach(partials * colTasks, task -> {
            int p = task / colTasks;
            int j0 = (task % colTasks) * COLUMNS_PER_TASK;
            int j1 = Math.min(cols, j0 + COLUMNS_PER_TASK);
            int base = p * cols;
            int r1 = Math.min(rows, (p + 1) * rowsPerPartial);
            for (int r = p * rowsPerPartial; r < r1; r++) {
                int xr = r * cols;
                for (int j = j0; j < j1; j++) {
                    partial[base + j] += x[xr + j];
                }
            }
        });
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int p = 0; p < partials; p++) {
                s += partial[p * cols + j];
            }
            y[j] = (float) s;
        }
    }

    /** Four interleaved accumulators, combined in a fixed order, break the add latency chain. */
    static double range(float[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void requireMatrix(CpuTensor m, String op) {
        if (m.rank() < 2) {
            throw new IllegalArgumentException(op + ": the input must be a matrix, got shape " + Shapes.format(m.shapeView()));
        }
    }

    private static void requireSize(CpuTensor out, int expected, String op, CpuTensor m, String what) {
        if (out.length() != expected) {
            throw new IllegalArgumentException(op + ": out has shape " + Shapes.format(out.shapeView()) + " ("
                    + out.length() + " elements) but the input " + Shapes.format(m.shapeView()) + " has "
                    + expected + " " + what);
        }
    }
}
