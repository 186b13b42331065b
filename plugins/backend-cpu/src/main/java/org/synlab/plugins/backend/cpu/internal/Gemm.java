package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * {@code c = alpha * op(a) * op(b) + beta * c} on row-major arrays. Every element of c is produced by
 * the same sequence of float operations (scale by beta, then add {@code (alpha * A[i][p]) * B[p][j]}
 * for p = 0, 1, ... in order), whichever thread computes it and however c is split into tasks.
 */
final class Gemm {

    /** Below this many flops, handing work to other threads costs more than it saves. */
    private static final long PARALLEL_FLOPS = 1L << 18;
    /** Floats of B kept hot while a block of c rows is updated: a quarter of a typical L2. */
    private static final int PANEL_FLOATS = 1 << 16;
    /** Narrowest column slice a task gets when c has too few rows to keep every thread busy. */
    private static final int MIN_TASK_COLUMNS = 64;
    private static final int TRANSPOSE_TILE = 32;

    private Gemm() {
    }

    static void multiply(WorkPool pool, boolean transposeA, boolean transposeB, float alpha, CpuTensor a,
                         CpuTensor b, float beta, CpuTensor c) {
        Operands op = Operands.check(transposeA, transposeB, a, b, c);
        float[] bRows = transposeB ? transpose(b.data(), op.n, op.k) : b.data();
        float[] aData = a.data();
        float[] cData = c.data();
        int m = op.m;
        int n = op.n;
        int k = op.k;
        int rowBlock = m;
        int colBlock = n;
        if (2L * m * n * k >= PARALLEL_FLOPS && pool.threads() > 1) {
            int target = pool.threads() * 4;
            rowBlock = Math.max(1, Chunks.count(m, target));
            int rowTasks = Chunks.count(m, rowBlock);
            if (rowTasks < target) {
                colBlock = Math.max(MIN_TASK_COLUMNS, Chunks.count(n, Chunks.count(target, rowTasks)));
            }
        }
        int rowTasks = Chunks.count(m, rowBlock);
        int colTasks = Chunks.count(n, colBlock);
        int finalRowBlock = rowBlock;
        int finalColBlock = colBlock;
        pool.forEach(rowTasks * colTasks, task -> {
            int i0 = (task / colTasks) * finalRowBlock;
            int j0 = (task % colTasks) * finalColBlock;
            block(transposeA, alpha, aData, bRows, beta, cData, m, n, k, i0, Math.min(m, i0 + finalRowBlock),
                    j0, Math.min(n, j0 + finalColBlock));
        });
    }

    /** Updates c[i0..i1)[j0..j1) in i-k-j order, reading B (row-major k x n) in panels of rows. */
    private static void block(boolean transposeA, float alpha, float[] a, float[] b, float beta, float[] c,
                              int m, int n, int k, int i0, int i1, int j0, int j1) {
        scale(c, n, beta, i0, i1, j0, j1);
        if (alpha == 0 || k == 0) {
            return; // BLAS semantics: a and b are not read, so NaN in them does not reach c
        }
        int panelRows = Math.max(1, PANEL_FLOATS / Math.max(1, j1 - j0));
        for (int p0 = 0; p0 < k; p0 += panelRows) {
            int p1 = Math.min(k, p0 + panelRows);
            for (int i = i0; i < i1; i++) {
                int ci = i * n;
                for (int p = p0; p < p1; p++) {
                    float aip = alpha * (transposeA ? a[p * m + i] : a[i * k + p]);
                    if (aip == 0) {
                        continue; // like reference BLAS; pays off on sparse inputs (ReLU outputs, one-hot rows)
                    }
                    int bp = p * n;
                    for (int j = j0; j < j1; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        }
    }

    /** beta == 0 overwrites, so NaN or garbage already in c never survives (as in BLAS). */
    private static void scale(float[] c, int n, float beta, int i0, int i1, int j0, int j1) {
        if (beta == 1) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            int ci = i * n;
            if (beta == 0) {
                Arrays.fill(c, ci + j0, ci + j1, 0f);
            } else {
                for (int j = j0; j < j1; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /** Packs {@code x} (rows x cols) as its transpose so the inner loop always walks rows of B. */
    private static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int r0 = 0; r0 < rows; r0 += TRANSPOSE_TILE) {
            int r1 = Math.min(rows, r0 + TRANSPOSE_TILE);
            for (int c0 = 0; c0 < cols; c0 += TRANSPOSE_TILE) {
                int c1 = Math.min(cols, c0 + TRANSPOSE_TILE);
                for (int r = r0; r < r1; r++) {
                    for (int col = c0; col < c1; col++) {
                        t[col * rows + r] = x[r * cols + col];
                    }
                }
            }
        }
        return t;
    }

    /** The dimensions of a product: op(a) is m x k, op(b) is k x n, c is m x n. */
    private record Operands(int m, int n, int k) {

        static Operands check(boolean transposeA, boolean transposeB, CpuTensor a, CpuTensor b, CpuTensor c) {
            requireMatrix(a, "a");
            requireMatrix(b, "b");
            requireMatrix(c, "c");
            if (c == a || c == b) {
                throw new IllegalArgumentException("gemm: c must not be the same tensor as a or b");
            }
            int[] sa = a.shapeView();
            int[] sb = b.shapeView();
            int m = transposeA ? sa[1] : sa[0];
            int k = transposeA ? sa[0] : sa[1];
            int kb = transposeB ? sb[1] : sb[0];
            int n = transposeB ? sb[0] : sb[1];
            if (k != kb) {
                throw new IllegalArgumentException("gemm: op(a) is [" + m + ", " + k + "] (" + describe("a", sa, transposeA)
                        + ") and op(b) is [" + kb + ", " + n + "] (" + describe("b", sb, transposeB)
                        + "): inner dimensions " + k + " and " + kb + " differ");
            }
            int[] sc = c.shapeView();
            if (sc[0] != m || sc[1] != n) {
                throw new IllegalArgumentException("gemm: c is " + Shapes.format(sc) + " but op(a) * op(b) is ["
                        + m + ", " + n + "] (" + describe("a", sa, transposeA) + ", " + describe("b", sb, transposeB) + ")");
            }
            return new Operands(m, n, k);
        }

        private static void requireMatrix(CpuTensor t, String name) {
            if (t.rank() != 2) {
                throw new IllegalArgumentException("gemm: " + name + " must be a matrix, got shape " + Shapes.format(t.shapeView()));
            }
        }

        private static String describe(String name, int[] shape, boolean transposed) {
            return name + " " + Shapes.format(shape) + (transposed ? " transposed" : "");
        }
    }
}
