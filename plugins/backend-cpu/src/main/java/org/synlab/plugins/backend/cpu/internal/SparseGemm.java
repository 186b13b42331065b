package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product {@code c = alpha * a * b + beta * c} when a is mostly zeros, as a batch of MNIST
 * pixels is (about 80% zeros). It visits only the non-zero entries of a: each one adds a scaled row
 * of b to a row of accumulators, so the work is proportional to the non-zeros instead of to m * k.
 * Rows of a are multiplied in tasks of {@link #TASK_ROWS}, on the context's cores. Where the
 * non-zeros are is kept as bits, found with vector comparisons ({@code compare(NE, 0).toLong()}), and
 * the multiplying loop walks the set bits: no list of positions and values is built first. (Building
 * one cost a mispredicted branch per vector of a; for MNIST's 64 x 784 batch the bits made the forward
 * product 25% faster.)
 *
 * <p>A transposed a (the weight gradient {@code x^T * dz} of a sparse input) is multiplied by
 * columns of a ({@link #multiplyTransposed}): each task finds, for its columns, which rows of a are
 * not zero (one bit per row, set by whole vectors of columns at once) and sums each row of c in
 * registers.
 *
 * <p>Whether a is sparse enough is counted once per operand and kept until the operand's tensor is
 * written again ({@link CpuTensor#version}), so the weight gradient does not count the batch the
 * forward product counted.
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

    /** Words of a row's non-zero bits per block of {@link Gemm#KC} inner steps (KC is a multiple of 64). */
    private static final int BLOCK_WORDS = Gemm.KC / Long.SIZE;

    /** About this many rows of a per task (rows are computed alone: the cut changes no result). */
    static final int TASK_ROWS = 8;

    private final WorkPool pool;
    /** One per participating thread: the non-zero bits of the row of a it multiplies. */
    private final long[][] rowBits;
    /** One per participating thread: those of the next row, multiplied in a pair with it. */
    private final long[][] nextRowBits;
    /** The operand counted last, and whether it had too many non-zeros, so an unchanged operand is counted once. */
    private CpuTensor counted;
    private int countedVersion;
    private int countedSize;
    private boolean countedDense;
    /** How many times an operand was counted (tests check that an unchanged operand is counted once). */
    private int counts;

    /** One per participating thread: where the non-zeros of its task's columns are. */
    private final Columns[] columns;

    SparseGemm(WorkPool pool) {
        this.pool = pool;
        this.columns = new Columns[pool.threads()];
        for (int w = 0; w < columns.length; w++) {
            columns[w] = new Columns();
        }
        this.rowBits = new long[pool.threads()][0];
        this.nextRowBits = new long[pool.threads()][0];
    }

    /** About this many rows of c per task of the transposed product: 784 rows make 8 even tasks on 2 threads. */
    static final int TASK_OUTPUT_ROWS = 128;

    /**
     * Multiplies through the non-zeros of a (m x k, row-major) if they are few enough; returns false,
     * having written nothing, when the dense kernel should do it. b is k x n, row-major.
     */
    boolean multiply(float alpha, float[] a, int m, int k, float[] b, int n, float beta, float[] c) {
        return multiply(alpha, a, null, m, k, b, n, beta, c);
    }

    /**
     * {@link #multiply(float, float[], int, int, float[], int, float, float[])} with a's tensor: its count
     * of non-zeros is kept for the next product that reads it unchanged (the weight gradient).
     */
    boolean multiply(float alpha, CpuTensor a, int m, int k, float[] b, int n, float beta, float[] c) {
        return multiply(alpha, a.data(), a, m, k, b, n, beta, c);
    }

    private boolean multiply(float alpha, float[] a, CpuTensor tensor, int m, int k, float[] b, int n, float beta,
                             float[] c) {
        if (dense(a, tensor, m * k)) {
            return false;
        }
        int words = Chunks.count(k, Long.SIZE);
        for (int w = 0; w < rowBits.length; w++) {
            if (rowBits[w].length < words) {
                rowBits[w] = new long[words];
                nextRowBits[w] = new long[words];
            }
        }
        int tasks = Chunks.even(m, TASK_ROWS, pool.threads());
        // an even number of rows per task, so that no task boundary splits a pair of rows
        int per = (Chunks.count(m, tasks) + 1) & ~1;
        pool.forEachWorker(tasks, (worker, task) -> {
            long[] bits = rowBits[worker];
            long[] nextBits = nextRowBits[worker];
            for (int r = Math.min(m, task * per), end = Math.min(m, r + per); r < end; ) {
                boolean pair = (r & 1) == 0 && r + 1 < end;
                findRow(a, r * k, k, bits);
                scaleRow(c, r * n, n, beta);
                if (pair) {
                    findRow(a, (r + 1) * k, k, nextBits);
                    scaleRow(c, (r + 1) * n, n, beta);
                }
                for (int j = 0; j < n; j += STRIP) {
                    int cols = Math.min(STRIP, n - j);
                    if (cols == STRIP && pair) {
                        pairStrip(a, r * k, bits, nextBits, k, b, n, j, alpha, c, r * n + j);
                    } else if (cols == STRIP) {
                        fullStrip(a, r * k, bits, k, b, n, j, alpha, c, r * n + j);
                    } else {
                        partialStrip(a, r * k, bits, k, b, n, j, cols, alpha, c, r * n + j);
                        if (pair) {
                            partialStrip(a, (r + 1) * k, nextBits, k, b, n, j, cols, alpha, c, (r + 1) * n + j);
                        }
                    }
                }
                r += pair ? 2 : 1;
            }
        });
        return true;
    }

    /**
     * Whether the stored operand {@code a} (of {@code tensor}, or of no tensor when null) has too many
     * non-zeros for this path. The answer is kept for the tensor until its version changes. (A stale
     * answer could only cost speed: both paths give the same bits.)
     */
    private boolean dense(float[] a, CpuTensor tensor, int size) {
        if (tensor != null && tensor == counted && tensor.version() == countedVersion && size == countedSize) {
            return countedDense;
        }
        boolean dense = countNonZeros(a, size) > MAX_DENSITY * size;
        counts++;
        counted = tensor;
        countedVersion = tensor == null ? 0 : tensor.version();
        countedSize = size;
        countedDense = dense;
        return dense;
    }

    /**
     * {@code c = alpha * a^T * b} (beta 0) through the non-zeros of a, which is stored k x m: the weight
     * gradient {@code x^T * dz} of a layer whose input x is mostly zeros. Row p of c is the sum, for i
     * ascending, of {@code a[i][p] * b[i][..]} over the non-zero a[i][p]: the dense kernel's chain for
     * c[p][j] without its zero terms. It needs the whole chain in one block (k <= KC) and c starting at
     * zero, so it declines (returns false, writing nothing) unless beta is 0 and k <= KC.
     *
     * <p>Each task takes a range of rows of c (columns of a), finds which rows of a are not zero in
     * each of its columns ({@link Columns#find}: a bit per row, set for {@code LANES} columns at a time
     * by one comparison, so no branch depends on the data), and sums each row of c in registers over
     * those bits, reading rows of b, which stay in cache, and writing c once. For MNIST's
     * 784 x 64 x 128 at 19% non-zeros, one thread, on the shared build machine: 65-75 us, of which
     * about 5 finding the bits, against 140-165 us when the non-zeros were first compressed by rows and
     * then gathered by column with a counting sort (that gather alone took 35-65 us: a mispredicted
     * branch per vector), and 185 us dense. (With that gather, one task per thread instead of tasks of
     * 128 rows of c was slower, 111 us against 91 on a quieter day.)
     */
    boolean multiplyTransposed(float alpha, float[] a, int k, int m, float[] b, int n, float beta, float[] c) {
        return multiplyTransposed(alpha, a, null, k, m, b, n, beta, c);
    }

    /**
     * {@link #multiplyTransposed(float, float[], int, int, float[], int, float, float[])} with a's
     * tensor, whose count of non-zeros (taken by the forward product of the same batch) is reused.
     */
    boolean multiplyTransposed(float alpha, CpuTensor a, int k, int m, float[] b, int n, float beta, float[] c) {
        return multiplyTransposed(alpha, a.data(), a, k, m, b, n, beta, c);
    }

    private boolean multiplyTransposed(float alpha, float[] a, CpuTensor tensor, int k, int m, float[] b, int n,
                                       float beta, float[] c) {
        if (beta != 0f || k > Gemm.KC) {
            return false;
        }
        if (dense(a, tensor, k * m)) {
            return false;
        }
        int words = Chunks.count(k, Long.SIZE);
        int tasks = Chunks.even(m, TASK_OUTPUT_ROWS, pool.threads());
        // an even number of rows per task, so that no task boundary splits a pair of rows of c (Columns#sum)
        int per = (Chunks.count(m, tasks) + 1) & ~1;
        pool.forEachWorker(tasks, (worker, task) -> {
            int p0 = Math.min(m, task * per);
            int p1 = Math.min(m, p0 + per);
            columns[worker].find(a, k, m, p0, p1);
            columns[worker].sum(a, m, b, n, alpha, c, p0, p1, words);
        });
        return true;
    }

    /** How many operands have been counted so far. */
    int counts() {
        return counts;
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

    /** Bit p % 64 of bits[p / 64] tells whether a[from + p] is not zero, for p in [0, k). */
    private static void findRow(float[] a, int from, int k, long[] bits) {
        for (int w = 0, words = Chunks.count(k, Long.SIZE); w < words; w++) {
            int p = w << 6;
            int end = Math.min(k, p + Long.SIZE);
            long word = 0;
            for (int shift = 0; p + LANES <= end; p += LANES, shift += LANES) {
                word |= FloatVector.fromArray(SPECIES, a, from + p).compare(VectorOperators.NE, 0f).toLong() << shift;
            }
            for (; p < end; p++) {
                if (a[from + p] != 0f) {
                    word |= 1L << (p & 63);
                }
            }
            bits[w] = word;
        }
    }

    /** Whether any of the bits of words [w0, w1) is set. */
    private static boolean any(long[] bits, int w0, int w1) {
        long or = 0;
        for (int w = w0; w < w1; w++) {
            or |= bits[w];
        }
        return or != 0;
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

    /**
     * STRIP columns of a row of c, from column j: eight accumulators, one block of KC inner steps (KC / 64
     * words of the row's bits) at a time. a's row starts at {@code from}; c's strip at {@code ci}.
     */
    private static void fullStrip(float[] a, int from, long[] bits, int k, float[] b, int n, int j, float alpha,
                                  float[] c, int ci) {
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        int words = Chunks.count(k, Long.SIZE);
        for (int w0 = 0; w0 < words; w0 += BLOCK_WORDS) {
            int w1 = Math.min(words, w0 + BLOCK_WORDS);
            if (!any(bits, w0, w1)) {
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
            for (int w = w0; w < w1; w++) {
                for (long word = bits[w]; word != 0; word &= word - 1) {
                    int p = (w << 6) + Long.numberOfTrailingZeros(word);
                    FloatVector av = FloatVector.broadcast(SPECIES, a[from + p]);
                    int bi = p * n + j;
                    c0 = FloatVector.fromArray(SPECIES, b, bi).fma(av, c0);
                    c1 = FloatVector.fromArray(SPECIES, b, bi + LANES).fma(av, c1);
                    c2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES).fma(av, c2);
                    c3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES).fma(av, c3);
                    c4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES).fma(av, c4);
                    c5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES).fma(av, c5);
                    c6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES).fma(av, c6);
                    c7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES).fma(av, c7);
                }
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

    /**
     * {@link #fullStrip} for rows r and r + 1 of a at once (a's row r starts at {@code from}, its bits in
     * {@code bits}, row r + 1's in {@code nextBits}): sixteen accumulators over the union of the two rows'
     * non-zeros, so each row of b loaded feeds both rows of c. A row with no non-zero in a block keeps its
     * c as fullStrip would (no epilogue); a zero of one row where the other is not adds {@code 0 * b},
     * which leaves its sum unchanged, bit for bit (a sum that starts at +0 never becomes -0). Two MNIST
     * images have about 0.76 times as many union non-zeros as non-zeros; in a scratch harness on real
     * batches the 64 x 784 x 128 forward product took 69 us in pairs against 75 one row at a time. Its
     * body repeats {@link Columns#pairColumnStrip}'s on purpose, as fullColumnStrip's repeats fullStrip's.
     */
    private static void pairStrip(float[] a, int from, long[] bits, long[] nextBits, int k, float[] b, int n, int j,
                                  float alpha, float[] c, int ci) {
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        int words = Chunks.count(k, Long.SIZE);
        int next = from + k;
        int di = ci + n;
        for (int w0 = 0; w0 < words; w0 += BLOCK_WORDS) {
            int w1 = Math.min(words, w0 + BLOCK_WORDS);
            boolean first = any(bits, w0, w1);
            boolean second = any(nextBits, w0, w1);
            if (!first && !second) {
                continue;
            }
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            FloatVector d0 = c0;
            FloatVector d1 = c0;
            FloatVector d2 = c0;
            FloatVector d3 = c0;
            FloatVector d4 = c0;
            FloatVector d5 = c0;
            FloatVector d6 = c0;
            FloatVector d7 = c0;
            for (int w = w0; w < w1; w++) {
                for (long word = bits[w] | nextBits[w]; word != 0; word &= word - 1) {
                    int p = (w << 6) + Long.numberOfTrailingZeros(word);
                    FloatVector av = FloatVector.broadcast(SPECIES, a[from + p]);
                    FloatVector bv = FloatVector.broadcast(SPECIES, a[next + p]);
                    int bi = p * n + j;
                    FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
                    c0 = b0.fma(av, c0);
                    d0 = b0.fma(bv, d0);
                    FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
                    c1 = b1.fma(av, c1);
                    d1 = b1.fma(bv, d1);
                    FloatVector b2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES);
                    c2 = b2.fma(av, c2);
                    d2 = b2.fma(bv, d2);
                    FloatVector b3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES);
                    c3 = b3.fma(av, c3);
                    d3 = b3.fma(bv, d3);
                    FloatVector b4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES);
                    c4 = b4.fma(av, c4);
                    d4 = b4.fma(bv, d4);
                    FloatVector b5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES);
                    c5 = b5.fma(av, c5);
                    d5 = b5.fma(bv, d5);
                    FloatVector b6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES);
                    c6 = b6.fma(av, c6);
                    d6 = b6.fma(bv, d6);
                    FloatVector b7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES);
                    c7 = b7.fma(av, c7);
                    d7 = b7.fma(bv, d7);
                }
            }
            if (first) {
                c0.fma(al, FloatVector.fromArray(SPECIES, c, ci)).intoArray(c, ci);
                c1.fma(al, FloatVector.fromArray(SPECIES, c, ci + LANES)).intoArray(c, ci + LANES);
                c2.fma(al, FloatVector.fromArray(SPECIES, c, ci + 2 * LANES)).intoArray(c, ci + 2 * LANES);
                c3.fma(al, FloatVector.fromArray(SPECIES, c, ci + 3 * LANES)).intoArray(c, ci + 3 * LANES);
                c4.fma(al, FloatVector.fromArray(SPECIES, c, ci + 4 * LANES)).intoArray(c, ci + 4 * LANES);
                c5.fma(al, FloatVector.fromArray(SPECIES, c, ci + 5 * LANES)).intoArray(c, ci + 5 * LANES);
                c6.fma(al, FloatVector.fromArray(SPECIES, c, ci + 6 * LANES)).intoArray(c, ci + 6 * LANES);
                c7.fma(al, FloatVector.fromArray(SPECIES, c, ci + 7 * LANES)).intoArray(c, ci + 7 * LANES);
            }
            if (second) {
                d0.fma(al, FloatVector.fromArray(SPECIES, c, di)).intoArray(c, di);
                d1.fma(al, FloatVector.fromArray(SPECIES, c, di + LANES)).intoArray(c, di + LANES);
                d2.fma(al, FloatVector.fromArray(SPECIES, c, di + 2 * LANES)).intoArray(c, di + 2 * LANES);
                d3.fma(al, FloatVector.fromArray(SPECIES, c, di + 3 * LANES)).intoArray(c, di + 3 * LANES);
                d4.fma(al, FloatVector.fromArray(SPECIES, c, di + 4 * LANES)).intoArray(c, di + 4 * LANES);
                d5.fma(al, FloatVector.fromArray(SPECIES, c, di + 5 * LANES)).intoArray(c, di + 5 * LANES);
                d6.fma(al, FloatVector.fromArray(SPECIES, c, di + 6 * LANES)).intoArray(c, di + 6 * LANES);
                d7.fma(al, FloatVector.fromArray(SPECIES, c, di + 7 * LANES)).intoArray(c, di + 7 * LANES);
            }
        }
    }

    /** Fewer than STRIP columns: one vector at a time, the last one masked. */
    private static void partialStrip(float[] a, int from, long[] bits, int k, float[] b, int n, int j, int cols,
                                     float alpha, float[] c, int ci0) {
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        int words = Chunks.count(k, Long.SIZE);
        for (int v = 0; v < cols; v += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(v, cols);
            int ci = ci0 + v;
            for (int w0 = 0; w0 < words; w0 += BLOCK_WORDS) {
                int w1 = Math.min(words, w0 + BLOCK_WORDS);
                if (!any(bits, w0, w1)) {
                    continue;
                }
                FloatVector acc = FloatVector.zero(SPECIES);
                for (int w = w0; w < w1; w++) {
                    for (long word = bits[w]; word != 0; word &= word - 1) {
                        int p = (w << 6) + Long.numberOfTrailingZeros(word);
                        acc = FloatVector.fromArray(SPECIES, b, p * n + j + v, mask)
                                .fma(FloatVector.broadcast(SPECIES, a[from + p]), acc);
                    }
                }
                acc.fma(al, FloatVector.fromArray(SPECIES, c, ci, mask)).intoArray(c, ci, mask);
            }
        }
    }

    /**
     * Where the non-zeros of a range of a's columns [p0, p1) are (a stored k x m): one bit per row of a,
     * rows ascending with the bits. What one task of {@link #multiplyTransposed} sums; grown on demand,
     * then reused.
     */
    private static final class Columns {
        private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());

        /** Bit i % 32 of rows[(i / 32) * columns + p - p0] is set when a[i][p] is not zero. */
        private int[] rows = new int[0];
        private int columns;
        private int words32;

        /**
         * Finds the non-zeros of a's columns [p0, p1), LANES columns at a time without a branch per
         * non-zero: a row's comparison mask sets the row's bit in the lanes of the columns it covers.
         */
        void find(float[] a, int k, int m, int p0, int p1) {
            columns = p1 - p0;
            words32 = Chunks.count(k, Integer.SIZE);
            int size = words32 * columns;
            if (rows.length < size) {
                rows = new int[size];
            }
            for (int q = 0; q < columns; q += LANES) {
                VectorMask<Float> inRange = SPECIES.indexInRange(q, columns);
                boolean full = q + LANES <= columns;
                for (int w = 0; w < words32; w++) {
                    IntVector bits = IntVector.zero(INTS);
                    for (int i = w << 5, end = Math.min(k, i + Integer.SIZE); i < end; i++) {
                        FloatVector x = full ? FloatVector.fromArray(SPECIES, a, i * m + p0 + q)
                                : FloatVector.fromArray(SPECIES, a, i * m + p0 + q, inRange);
                        bits = bits.lanewise(VectorOperators.OR, 1 << i, x.compare(VectorOperators.NE, 0f).cast(INTS));
                    }
                    if (full) {
                        bits.intoArray(rows, w * columns + q);
                    } else {
                        bits.intoArray(rows, w * columns + q, inRange.cast(INTS));
                    }
                }
            }
        }

        /** Column p's rows from 64 * w: bits 0-31 from one word, 32-63 from the next. */
        private long bits(int p, int p0, int w) {
            int lo = 2 * w;
            long bits = rows[lo * columns + p - p0] & 0xFFFF_FFFFL;
            return lo + 1 < words32 ? bits | (long) rows[(lo + 1) * columns + p - p0] << 32 : bits;
        }

        /**
         * Rows [p0, p1) of c: each a register-held sum over its column's non-zeros, rows ascending, written
         * once. Rows are summed in pairs (an even row and the next) over the rows of a where either column is
         * not zero, so that each row of b loaded feeds both sums: neighbouring pixels are mostly zero or not
         * together, so a pair loads about 0.58 times the rows of b that two single rows load (MNIST batches
         * of 64). A row of a that is zero in one column of the pair adds {@code 0 * b} to that column's sum,
         * which leaves it unchanged: a sum that starts at +0 never becomes -0, so {@code +-0 + sum} is the
         * sum bit for bit (as long as b is finite, as for the dense kernel, which adds every zero term).
         * In a scratch harness on real MNIST batches the 784 x 64 x 128 gradient took 30 us in pairs
         * against 46.5 us one row at a time.
         */
        void sum(float[] a, int m, float[] b, int n, float alpha, float[] c, int p0, int p1, int words) {
            FloatVector al = FloatVector.broadcast(SPECIES, alpha);
            for (int p = p0; p < p1; ) {
                boolean pair = (p & 1) == 0 && p + 1 < p1;
                int ci = p * n;
                for (int j = 0; j < n; j += STRIP) {
                    int cols = Math.min(STRIP, n - j);
                    if (cols == STRIP && pair) {
                        pairColumnStrip(a, m, p, p0, words, b, n, j, al, c, ci + j);
                    } else if (cols == STRIP) {
                        fullColumnStrip(a, m, p, p0, words, b, n, j, al, c, ci + j);
                    } else {
                        partialColumnStrip(a, m, p, p0, words, b, n, j, cols, al, c, ci + j);
                        if (pair) {
                            partialColumnStrip(a, m, p + 1, p0, words, b, n, j, cols, al, c, ci + n + j);
                        }
                    }
                }
                p += pair ? 2 : 1;
            }
        }

        /**
         * {@link #fullColumnStrip} for rows p and p + 1 of c at once: sixteen accumulators, over the rows of a
         * where column p or column p + 1 is not zero. Written out for the same reason as fullColumnStrip.
         */
        private void pairColumnStrip(float[] a, int m, int p, int p0, int words, float[] b, int n, int j,
                                     FloatVector alpha, float[] c, int ci) {
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            FloatVector d0 = c0;
            FloatVector d1 = c0;
            FloatVector d2 = c0;
            FloatVector d3 = c0;
            FloatVector d4 = c0;
            FloatVector d5 = c0;
            FloatVector d6 = c0;
            FloatVector d7 = c0;
            for (int w = 0; w < words; w++) {
                for (long bits = bits(p, p0, w) | bits(p + 1, p0, w); bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    FloatVector av = FloatVector.broadcast(SPECIES, a[i * m + p]);
                    FloatVector bv = FloatVector.broadcast(SPECIES, a[i * m + p + 1]);
                    int bi = i * n + j;
                    FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
                    c0 = b0.fma(av, c0);
                    d0 = b0.fma(bv, d0);
                    FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
                    c1 = b1.fma(av, c1);
                    d1 = b1.fma(bv, d1);
                    FloatVector b2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES);
                    c2 = b2.fma(av, c2);
                    d2 = b2.fma(bv, d2);
                    FloatVector b3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES);
                    c3 = b3.fma(av, c3);
                    d3 = b3.fma(bv, d3);
                    FloatVector b4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES);
                    c4 = b4.fma(av, c4);
                    d4 = b4.fma(bv, d4);
                    FloatVector b5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES);
                    c5 = b5.fma(av, c5);
                    d5 = b5.fma(bv, d5);
                    FloatVector b6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES);
                    c6 = b6.fma(av, c6);
                    d6 = b6.fma(bv, d6);
                    FloatVector b7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES);
                    c7 = b7.fma(av, c7);
                    d7 = b7.fma(bv, d7);
                }
            }
            c0.mul(alpha).intoArray(c, ci);
            c1.mul(alpha).intoArray(c, ci + LANES);
            c2.mul(alpha).intoArray(c, ci + 2 * LANES);
            c3.mul(alpha).intoArray(c, ci + 3 * LANES);
            c4.mul(alpha).intoArray(c, ci + 4 * LANES);
            c5.mul(alpha).intoArray(c, ci + 5 * LANES);
            c6.mul(alpha).intoArray(c, ci + 6 * LANES);
            c7.mul(alpha).intoArray(c, ci + 7 * LANES);
            int di = ci + n;
            d0.mul(alpha).intoArray(c, di);
            d1.mul(alpha).intoArray(c, di + LANES);
            d2.mul(alpha).intoArray(c, di + 2 * LANES);
            d3.mul(alpha).intoArray(c, di + 3 * LANES);
            d4.mul(alpha).intoArray(c, di + 4 * LANES);
            d5.mul(alpha).intoArray(c, di + 5 * LANES);
            d6.mul(alpha).intoArray(c, di + 6 * LANES);
            d7.mul(alpha).intoArray(c, di + 7 * LANES);
        }

        /**
         * The eight-accumulator body repeats {@link SparseGemm#fullStrip}'s on purpose: vectors passed to or
         * returned from a shared helper that C2 does not inline are boxed (a four-row variant of the forward
         * product that did so allocated 4.8 MB per MNIST training step until its epilogue was written out).
         */
        private void fullColumnStrip(float[] a, int m, int p, int p0, int words, float[] b, int n, int j,
                                     FloatVector alpha, float[] c, int ci) {
            FloatVector c0 = FloatVector.zero(SPECIES);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            for (int w = 0; w < words; w++) {
                for (long bits = bits(p, p0, w); bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    FloatVector av = FloatVector.broadcast(SPECIES, a[i * m + p]);
                    int bi = i * n + j;
                    c0 = FloatVector.fromArray(SPECIES, b, bi).fma(av, c0);
                    c1 = FloatVector.fromArray(SPECIES, b, bi + LANES).fma(av, c1);
                    c2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES).fma(av, c2);
                    c3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES).fma(av, c3);
                    c4 = FloatVector.fromArray(SPECIES, b, bi + 4 * LANES).fma(av, c4);
                    c5 = FloatVector.fromArray(SPECIES, b, bi + 5 * LANES).fma(av, c5);
                    c6 = FloatVector.fromArray(SPECIES, b, bi + 6 * LANES).fma(av, c6);
                    c7 = FloatVector.fromArray(SPECIES, b, bi + 7 * LANES).fma(av, c7);
                }
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

        private void partialColumnStrip(float[] a, int m, int p, int p0, int words, float[] b, int n, int j, int cols,
                                        FloatVector alpha, float[] c, int ci) {
            for (int v = 0; v < cols; v += LANES) {
                VectorMask<Float> mask = SPECIES.indexInRange(v, cols);
                FloatVector acc = FloatVector.zero(SPECIES);
                for (int w = 0; w < words; w++) {
                    for (long bits = bits(p, p0, w); bits != 0; bits &= bits - 1) {
                        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                        acc = FloatVector.fromArray(SPECIES, b, i * n + j + v, mask)
                                .fma(FloatVector.broadcast(SPECIES, a[i * m + p]), acc);
                    }
                }
                acc.mul(alpha).intoArray(c, ci + v, mask);
            }
        }
    }
}
