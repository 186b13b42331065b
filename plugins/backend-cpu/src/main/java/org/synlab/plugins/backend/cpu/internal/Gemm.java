package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * {@code c = alpha * op(a) * op(b) + beta * c} on row-major arrays, in the GotoBLAS style: op(b) is
 * packed into slivers ({@link PackedB}), c is cut into fixed tiles, and a register-tiled Vector API
 * {@link MicroKernel} updates each tile block by block of {@link #KC} inner steps.
 *
 * <p>Every element of c is produced by the same sequence of float operations wherever it lies and
 * whichever thread computes it: {@code c = beta * c} (or 0 when beta is 0), then for each block of KC
 * inner steps in order, a fused multiply-add chain {@code acc = a[i][p] * b[p][j] + acc} from zero,
 * added as {@code c = acc * alpha + c}. The tiles depend only on the shape, never on the thread
 * count, so results are bit-for-bit the same on any number of threads.
 */
final class Gemm {

    /** Inner steps per block: a wide B sliver of KC steps (32 KiB with 512-bit vectors) stays in L1. */
    static final int KC = 256;
    /** Rows of c per task: with KC this keeps the task's block of A (64 KiB) in L2. */
    static final int TASK_ROWS = 64;
    /** Slivers of B per task, so a 64 x 128 product still splits into two tasks. */
    static final int TASK_SLIVERS = 2;
    /**
     * Below this many flops (about 60 microseconds of one core) the call runs on the caller alone:
     * tiles and results are the same either way. With helpers that spin between calls (see
     * {@link WorkPool}), a 784 x 64 x 128 weight gradient (12.8 Mflop) gains from the second core; the
     * 0.2-0.3 Mflop products of a 10-unit output layer do not.
     */
    static final long PARALLEL_FLOPS = 1L << 22;

    private final WorkPool pool;
    private final PackedB packed = new PackedB();
    /** Null when the dense kernel must do every product (tests compare the two paths). */
    private final SparseGemm sparse;
    /** One scratch tile per participating thread, for edge tiles (see {@link MicroKernel}). */
    private final float[][] edges;

    Gemm(WorkPool pool) {
        this(pool, true);
    }

    Gemm(WorkPool pool, boolean skipZeros) {
        this.pool = pool;
        this.sparse = skipZeros ? new SparseGemm(pool) : null;
        this.edges = new float[pool.threads()][MicroKernel.EDGE_FLOATS];
    }

    void multiply(boolean transposeA, boolean transposeB, float alpha, CpuTensor a, CpuTensor b, float beta,
                  CpuTensor c) {
        Operands op = Operands.check(transposeA, transposeB, a, b, c);
        int m = op.m;
        int n = op.n;
        int k = op.k;
        float[] cData = c.data();
        if (alpha == 0 || k == 0 || m == 0 || n == 0) {
            scale(cData, n, beta, 0, m, 0, n); // BLAS semantics: a and b are not read, so NaN in them does not reach c
            return;
        }
        if (sparse != null && !transposeB && n >= SparseGemm.MIN_COLUMNS && (transposeA
                ? sparse.multiplyTransposed(alpha, a, k, m, b.data(), n, beta, cData)
                : sparse.multiply(alpha, a, m, k, b.data(), n, beta, cData))) {
            return;
        }
        int width = n <= MicroKernel.NARROW ? MicroKernel.NARROW : MicroKernel.WIDE;
        int slivers = Chunks.count(n, width);
        packed.reserve(slivers, k, width);
        float[] bData = b.data();
        float[] aData = a.data();
        int rowTasks = Chunks.count(m, TASK_ROWS);
        int colTasks = Chunks.count(slivers, TASK_SLIVERS);
        Product product = new Product(aData, transposeA, packed.data(), cData, m, n, k, width, slivers, alpha, beta);
        if (pool.threads() > 1 && 2L * m * n * k >= PARALLEL_FLOPS) {
            pool.forEach(slivers, s -> packed.pack(bData, transposeB, k, n, width, s));
            pool.forEachWorker(rowTasks * colTasks, (worker, t) -> product.task(t / colTasks, t % colTasks, edges[worker]));
        } else {
            for (int s = 0; s < slivers; s++) {
                packed.pack(bData, transposeB, k, n, width, s);
            }
            for (int rt = 0; rt < rowTasks; rt++) {
                for (int ct = 0; ct < colTasks; ct++) {
                    product.task(rt, ct, edges[0]);
                }
            }
        }
    }

    /** One product's operands, and the work of one task: a TASK_ROWS x (TASK_SLIVERS * width) tile of c. */
    private record Product(float[] a, boolean transposeA, float[] b, float[] c, int m, int n, int k, int width,
                           int slivers, float alpha, float beta) {

        void task(int rowTask, int colTask, float[] edge) {
            int i0 = rowTask * TASK_ROWS;
            int i1 = Math.min(m, i0 + TASK_ROWS);
            int s0 = colTask * TASK_SLIVERS;
            int s1 = Math.min(slivers, s0 + TASK_SLIVERS);
            scale(c, n, beta, i0, i1, s0 * width, Math.min(n, s1 * width));
            int rowStride = transposeA ? 1 : k;
            int colStride = transposeA ? m : 1;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                for (int s = s0; s < s1; s++) {
                    int j = s * width;
                    int cols = Math.min(width, n - j);
                    int bAt = s * k * width + p0 * width;
                    for (int i = i0; i < i1; i += MicroKernel.ROWS) {
                        int rows = Math.min(MicroKernel.ROWS, i1 - i);
                        int aAt = transposeA ? p0 * m + i : i * k + p0;
                        if (width == MicroKernel.WIDE) {
                            MicroKernel.wide(a, aAt, rowStride, colStride, rows, kc, b, bAt, c, i * n + j, n, cols, alpha, edge);
                        } else {
                            MicroKernel.narrow(a, aAt, rowStride, colStride, rows, kc, b, bAt, c, i * n + j, n, cols, alpha, edge);
                        }
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
