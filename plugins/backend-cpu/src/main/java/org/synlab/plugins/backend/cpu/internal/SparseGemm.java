package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product {@code c = alpha * a * b + beta * c} when a is mostly zeros, as a batch of MNIST
 * pixels is (about 80% zeros). It visits only the non-zero entries of a: each one adds a scaled row
 * of b to a row of accumulators, so the work is proportional to the non-zeros instead of to m * k.
 * Rows of a are compressed and multiplied in tasks of {@link #TASK_ROWS}, on the context's cores.
 *
 * <p>A transposed a (the weight gradient {@code x^T * dz} of a sparse input) is compressed by its
 * stored rows too, and each non-zero adds a row of b into a row of c ({@link #multiplyTransposed}):
 * compressing it by columns instead cost as much as the dense kernel saved.
 *
 * <p>Skipping a zero a[i][p] drops the term {@code 0 * b[p][j]} from the fused multiply-add chain of
 * {@link Gemm}, which leaves the chain's value unchanged (as in the reference BLAS, which also skips
 * zero entries), and the blocks of {@link Gemm#KC} inner steps and the {@code c = acc * alpha + c}
 * epilogue are kept, so this path gives the same bits as the dense one wherever b is finite (only
 * the sign of a zero result can differ). The path is picked from the data alone, never from the
 * thread count.
 */
final class SparseGemm {

    /** Above this share of non-zeros the register-tiled dense kernel is faster (measured on MLP shapes). */
    static final double MAX_DENSITY = 0.25;
    /**
     * Narrower products stay dense: a row of b then fills at most a few vectors, and the per-entry
     * overhead wins (measured at 19% non-zeros: 64 x 128 x 10 ran at 25.7 GFLOP/s-equivalent
     * sparse against 29.9 dense, and the 128 x 64 x 10 weight gradient at 20.1 against 27.2).
     */
    static final int MIN_COLUMNS = 64;

    private static final VectorSpecies<Float> SPECIES = MicroKernel.SPECIES;
    private static final int LANES = SPECIES.length();
    /** Columns per strip: eight accumulator vectors stay in registers while a row's non-zeros stream by. */
    private static final int STRIP = 8 * LANES;

    /** About this many rows of a per task (rows are computed alone: the cut changes no result). */
    static final int TASK_ROWS = 8;

    private final WorkPool pool;
    /**
     * op(a) compressed row by row: row r's non-zeros sit at [r * k, r * k + length[r]) of position and
     * value, positions ascending. Each row has room for all k entries, so tasks compress their own
     * rows side by side without first counting the rows before them.
     */
    private int[] position = new int[0];
    private float[] value = new float[0];
    private int[] length = new int[0];

    /** One per participating thread: the column-gathered non-zeros of its task. */
    private final Columns[] columns;

    SparseGemm(WorkPool pool) {
        this.pool = pool;
        this.columns = new Columns[pool.threads()];
        for (int w = 0; w < columns.length; w++) {
            columns[w] = new Columns();
        }
    }

    /** About this many rows of c per task of the transposed product: 784 rows make 8 even tasks on 2 threads. */
    static final int TASK_OUTPUT_ROWS = 128;

    /**
     * Multiplies through the non-zeros of a (m x k, row-major) if they are few enough; returns false,
     * having written nothing, when the dense kernel should do it. b is k x n, row-major.
     */
    boolean multiply(float alpha, float[] a, int m, int k, float[] b, int n, float beta, float[] c) {
        if (countNonZeros(a, m * k) > MAX_DENSITY * m * k) {
            return false;
        }
        reserve(m, k);
        int tasks = Chunks.even(m, TASK_ROWS, pool.threads());
        int per = Chunks.count(m, tasks);
        pool.forEach(tasks, task -> {
            for (int r = Math.min(m, task * per), end = Math.min(m, r + per); r < end; r++) {
                length[r] = gatherRow(a, r * k, k, r * k) - r * k;
                scaleRow(c, r * n, n, beta);
                for (int j = 0; j < n; j += STRIP) {
                    int cols = Math.min(STRIP, n - j);
                    if (cols == STRIP) {
                        fullStrip(r, k, b, n, j, alpha, c);
                    } else {
                        partialStrip(r, k, b, n, j, cols, alpha, c);
                    }
                }
            }
        });
        return true;
    }

    /**
     * {@code c = alpha * a^T * b} (beta 0) through the non-zeros of a, which is stored k x m: the weight
     * gradient {@code x^T * dz} of a layer whose input x is mostly zeros. Row p of c is the sum, for i
     * ascending, of {@code a[i][p] * b[i][..]} over the non-zero a[i][p]: the dense kernel's chain for
     * c[p][j] without its zero terms. It needs the whole chain in one block (k <= KC) and c starting at
     * zero, so it declines (returns false, writing nothing) unless beta is 0 and k <= KC.
     *
     * <p>a's rows are compressed first (as for {@link #multiply}); then each task takes a range of
     * rows of c, gathers the non-zeros of its columns of a column by column (a counting sort of the
     * compressed rows), and sums each row of c in registers, reading rows of b, which stay in cache,
     * and writing c once. For MNIST's 784 x 64 x 128 at 19% non-zeros, one thread: 91 us (14 to
     * compress, 35 to gather by column, 40 to sum), against 117 us adding into c's rows in memory
     * non-zero by non-zero, and 185 us dense. One task per thread instead of tasks of 128 rows of c
     * was slower (111 us): the gathered columns then no longer fit in L1.
     */
    boolean multiplyTransposed(float alpha, float[] a, int k, int m, float[] b, int n, float beta, float[] c) {
        if (beta != 0f || k > Gemm.KC || countNonZeros(a, m * k) > MAX_DENSITY * m * k) {
            return false;
        }
        reserve(k, m);
        pool.forEach(Chunks.count(k, TASK_ROWS), task -> {
            for (int i = task * TASK_ROWS, end = Math.min(k, i + TASK_ROWS); i < end; i++) {
                length[i] = gatherRow(a, i * m, m, i * m) - i * m;
            }
        });
        int tasks = Chunks.even(m, TASK_OUTPUT_ROWS, pool.threads());
        int per = Chunks.count(m, tasks);
        pool.forEachWorker(tasks, (worker, task) -> {
            int p0 = Math.min(m, task * per);
            int p1 = Math.min(m, p0 + per);
            columns[worker].gather(this, k, m, p0, p1);
            columns[worker].sum(b, n, alpha, c, p0, p1);
        });
        return true;
    }

    private void reserve(int rows, int rowLength) {
        if (position.length < rows * rowLength) {
            position = new int[rows * rowLength];
            value = new float[rows * rowLength];
        }
        if (length.length < rows) {
            length = new int[rows];
        }
    }

    /** The first entry in [from, to) whose position is at least {@code p}: positions ascend within a row. */
    int firstAtLeast(int from, int to, int p) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (position[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static long countNonZeros(float[] a, int size) {
        // mask bits and a popcount: VectorMask.trueCount() was not intrinsified here (100 us per 50k floats)
        long nonZeros = 0;
        int i = 0;
        for (int bound = SPECIES.loopBound(size); i < bound; i += LANES) {
            nonZeros += Long.bitCount(FloatVector.fromArray(SPECIES, a, i).compare(VectorOperators.NE, 0f).toLong());
        }
        for (; i < size; i++) {
            if (a[i] != 0f) {
                nonZeros++;
            }
        }
        return nonZeros;
    }

    /** Appends the non-zeros of a[from..from+length) at {@code at}; returns the new end. */
    private int gatherRow(float[] a, int from, int length, int at) {
        int p = 0;
        for (int bound = SPECIES.loopBound(length); p < bound; p += LANES) {
            long bits = FloatVector.fromArray(SPECIES, a, from + p).compare(VectorOperators.NE, 0f).toLong();
            while (bits != 0) {
                int lane = Long.numberOfTrailingZeros(bits);
                position[at] = p + lane;
                value[at++] = a[from + p + lane];
                bits &= bits - 1;
            }
        }
        for (; p < length; p++) {
            float v = a[from + p];
            if (v != 0f) {
                position[at] = p;
                value[at++] = v;
            }
        }
        return at;
    }

    private static void scaleRow(float[] c, int at, int n, float beta) {
        if (beta == 0f) {
            Arrays.fill(c, at, at + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                c[at + j] *= beta;
            }
        }
    }

    /** STRIP columns of row r of c, from column j: eight accumulators, one block of KC inner steps at a time. */
    private void fullStrip(int r, int k, float[] b, int n, int j, float alpha, float[] c) {
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        int e = r * k;
        int end = e + length[r];
        int ci = r * n + j;
        for (int p0 = 0; p0 < k && e < end; p0 += Gemm.KC) {
            int blockEnd = p0 + Gemm.KC;
            if (position[e] >= blockEnd) {
                continue; // no non-zero in this block: its chain is zero and adds nothing
            }
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            for (; e < end && position[e] < blockEnd; e++) {
                FloatVector av = FloatVector.broadcast(SPECIES, value[e]);
                int bi = position[e] * n + j;
                c0 = FloatVector.fromArray(SPECIES, b, bi).fma(av, c0);
                c1 = FloatVector.fromArray(SPECIES, b, bi + LANES).fma(av, c1);
                c2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES).fma(av, c2);
                c3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES).fma(av, c3);
                c4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES).fma(av, c4);
                c5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES).fma(av, c5);
                c6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES).fma(av, c6);
                c7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES).fma(av, c7);
            }
            c0.fma(al, FloatVector.fromArray(SPECIES, c, ci)).intoArray(c, ci);
            c1.fma(al, FloatVector.fromArray(SPECIES, c, ci + LANES)).intoArray(c, ci + LANES);
            c2.fma(al, FloatVector.fromArray(SPECIES, c, ci + 2 * LANES)).intoArray(c, ci + 2 * LANES);
            c3.fma(al, FloatVector.fromArray(SPECIES, c, ci + 3 * LANES)).intoArray(c, ci + 3 * LANES);
            c4.fma(al, FloatVector.fromArray(SPECIES, c, ci + 4 * LANES)).intoArray(c, ci + 4 * LANES);
            c5.fma(al, FloatVector.fromArray(SPECIES, c, ci + 5 * LANES)).intoArray(c, ci + 5 * LANES);
            c6.fma(al, FloatVector.fromArray(SPECIES, c, ci + 6 * LANES)).intoArray(c, ci + 6 * LANES);
            c7.fma(al, FloatVector.fromArray(SPECIES, c, ci + 7 * LANES)).intoArray(c, ci + 7 * LANES);
        }
    }

    /** Fewer than STRIP columns: one vector at a time, the last one masked. */
    private void partialStrip(int r, int k, float[] b, int n, int j, int cols, float alpha, float[] c) {
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        for (int v = 0; v < cols; v += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(v, cols);
            int ci = r * n + j + v;
            int e = r * k;
            int end = e + length[r];
            for (int p0 = 0; p0 < k && e < end; p0 += Gemm.KC) {
                int blockEnd = p0 + Gemm.KC;
                if (position[e] >= blockEnd) {
                    continue;
                }
                FloatVector acc = FloatVector.zero(SPECIES);
                for (; e < end && position[e] < blockEnd; e++) {
                    FloatVector av = FloatVector.broadcast(SPECIES, value[e]);
                    acc = FloatVector.fromArray(SPECIES, b, position[e] * n + j + v, mask).fma(av, acc);
                }
                acc.fma(al, FloatVector.fromArray(SPECIES, c, ci, mask)).intoArray(c, ci, mask);
            }
        }
    }

    /**
     * The non-zeros of a range of a's columns [p0, p1), column by column, rows ascending within a
     * column: what one task of {@link #multiplyTransposed} sums. Grown on demand, then reused.
     */
    private static final class Columns {
        private int[] from = new int[0];
        private int[] to = new int[0];
        private int[] start = new int[0];
        private int[] row = new int[0];
        private float[] weight = new float[0];

        /** Counting sort of the compressed rows' entries that fall in [p0, p1). */
        void gather(SparseGemm s, int k, int m, int p0, int p1) {
            if (from.length < k) {
                from = new int[k];
                to = new int[k];
            }
            int columnCount = p1 - p0;
            if (start.length < columnCount + 1) {
                start = new int[columnCount + 1];
            }
            java.util.Arrays.fill(start, 0, columnCount + 1, 0);
            int total = 0;
            for (int i = 0; i < k; i++) {
                int rowStart = i * m;
                int rowEnd = rowStart + s.length[i];
                from[i] = s.firstAtLeast(rowStart, rowEnd, p0);
                to[i] = s.firstAtLeast(from[i], rowEnd, p1);
                for (int e = from[i]; e < to[i]; e++) {
                    start[s.position[e] - p0 + 1]++;
                }
                total += to[i] - from[i];
            }
            for (int q = 0; q < columnCount; q++) {
                start[q + 1] += start[q];
            }
            if (row.length < total) {
                row = new int[total];
                weight = new float[total];
            }
            for (int i = 0; i < k; i++) {
                for (int e = from[i]; e < to[i]; e++) {
                    int slot = start[s.position[e] - p0]++;
                    row[slot] = i;
                    weight[slot] = s.value[e];
                }
            }
            // the fill advanced each start to the next column's start: shift back
            for (int q = columnCount; q > 0; q--) {
                start[q] = start[q - 1];
            }
            start[0] = 0;
        }

        /** Rows [p0, p1) of c: each a register-held sum over its column's non-zeros, written once. */
        void sum(float[] b, int n, float alpha, float[] c, int p0, int p1) {
            FloatVector al = FloatVector.broadcast(SPECIES, alpha);
            for (int p = p0; p < p1; p++) {
                int e0 = start[p - p0];
                int e1 = start[p - p0 + 1];
                int ci = p * n;
                for (int j = 0; j < n; j += STRIP) {
                    int cols = Math.min(STRIP, n - j);
                    if (cols == STRIP) {
                        fullColumnStrip(b, n, j, e0, e1, al, c, ci + j);
                    } else {
                        partialColumnStrip(b, n, j, cols, e0, e1, al, c, ci + j);
                    }
                }
            }
        }

        private void fullColumnStrip(float[] b, int n, int j, int e0, int e1, FloatVector alpha, float[] c, int ci) {
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            for (int e = e0; e < e1; e++) {
                FloatVector av = FloatVector.broadcast(SPECIES, weight[e]);
                int bi = row[e] * n + j;
                c0 = FloatVector.fromArray(SPECIES, b, bi).fma(av, c0);
                c1 = FloatVector.fromArray(SPECIES, b, bi + LANES).fma(av, c1);
                c2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES).fma(av, c2);
                c3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES).fma(av, c3);
                c4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES).fma(av, c4);
                c5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES).fma(av, c5);
                c6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES).fma(av, c6);
                c7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES).fma(av, c7);
            }
            // the dense kernel's epilogue on a zeroed c: acc * alpha + 0, one rounding
            c0.mul(alpha).intoArray(c, ci);
            c1.mul(alpha).intoArray(c, ci + LANES);
            c2.mul(alpha).intoArray(c, ci + 2 * LANES);
            c3.mul(alpha).intoArray(c, ci + 3 * LANES);
            c4.mul(alpha).intoArray(c, ci + 4 * LANES);
            c5.mul(alpha).intoArray(c, ci + 5 * LANES);
            c6.mul(alpha).intoArray(c, ci + 6 * LANES);
            c7.mul(alpha).intoArray(c, ci + 7 * LANES);
        }

        private void partialColumnStrip(float[] b, int n, int j, int cols, int e0, int e1, FloatVector alpha, float[] c,
                                        int ci) {
            for (int v = 0; v < cols; v += LANES) {
                VectorMask<Float> mask = SPECIES.indexInRange(v, cols);
                FloatVector acc = FloatVector.zero(SPECIES);
                for (int e = e0; e < e1; e++) {
                    acc = FloatVector.fromArray(SPECIES, b, row[e] * n + j + v, mask)
                            .fma(FloatVector.broadcast(SPECIES, weight[e]), acc);
                }
                acc.mul(alpha).intoArray(c, ci + v, mask);
            }
        }
    }
}
