package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zero-skipping path against the dense register-tiled kernel: same bits, on shapes that are not
 * multiples of the vector width or of the KC block, on one and two threads.
 */
class SparseGemmTest {

    private final TensorRegistry registry = new TensorRegistry();

    @ParameterizedTest(name = "m={0} n={1} k={2} alpha={3} beta={4} threads={5}")
    @CsvSource({
        "64, 128, 784, 1, 0, 1", "64, 128, 784, 1, 0, 2", "3, 7, 17, 0.5, 1, 2", "17, 3, 300, -1.5, 0.25, 2",
        "65, 10, 129, 1, 0, 2", "5, 300, 600, 1, 1, 1", "1, 1, 1, 1, 0, 2", "9, 129, 513, 2, 0.5, 2",
    })
    void givesTheDenseKernelsBits(int m, int n, int k, float alpha, float beta, int threads) {
        float[] a = sparse(m * k, 0.8, 1 + m + 7L * k);
        float[] b = dense(k * n, 2 + n);
        float[] c0 = dense(m * n, 3 + m * 13L);
        float[] viaZeros = c0.clone();

        try (WorkPool pool = new WorkPool(threads)) {
            assertTrue(new SparseGemm(pool).multiply(alpha, a, m, k, b, n, beta, viaZeros),
                    "80% zeros must take the sparse path");
        }
        float[] dense = denseProduct(alpha, a, m, k, b, n, beta, c0);

        assertArrayEquals(dense, viaZeros);
    }

    @ParameterizedTest(name = "weight gradient m={0} n={1} k={2} alpha={3} threads={4}")
    @CsvSource({
        "784, 128, 64, 1, 1", "784, 128, 64, 1, 2", "300, 10, 17, 0.5, 2", "129, 200, 256, -2, 2", "1, 1, 1, 1, 1",
        "70, 136, 33, 1, 2", "50, 64, 100, 0.5, 1", "17, 300, 95, 1, 2",
    })
    void givesTheDenseKernelsBitsForATransposedA(int m, int n, int k, float alpha, int threads) {
        float[] a = sparse(k * m, 0.8, 5 + m + 3L * k);
        float[] b = dense(k * n, 6 + n);
        float[] viaZeros = dense(m * n, 7); // garbage that beta 0 must overwrite

        try (WorkPool pool = new WorkPool(threads)) {
            assertTrue(new SparseGemm(pool).multiplyTransposed(alpha, a, k, m, b, n, 0f, viaZeros));
        }
        float[] dense = new float[m * n];
        try (WorkPool pool = new WorkPool(1)) {
            CpuTensor c = registry.create(new int[] {m, n}, dense);
            new Gemm(pool, false).multiply(true, false, alpha, registry.create(new int[] {k, m}, a),
                    registry.create(new int[] {k, n}, b), 0f, c);
        }

        assertArrayEquals(dense, viaZeros);
    }

    /**
     * Rows of the weight gradient are summed in pairs of neighbouring pixels over the batch rows where
     * either pixel is lit: with strokes (runs of lit pixels, as in images) most batch rows light both or
     * neither, and the rest add {@code 0 * b} to one sum, which must leave it as the dense kernel's.
     * Negative inputs and an odd number of output rows (a last row without a partner) included.
     */
    @ParameterizedTest(name = "strokes, {0} pixels, threads {1}")
    @CsvSource({"784, 1", "784, 2", "783, 2", "3, 1"})
    void sumsNeighbouringPixelsInPairsWithTheDenseKernelsBits(int pixels, int threads) {
        int batch = 64;
        int n = 128;
        float[] x = new float[batch * pixels];
        SplittableRandom random = new SplittableRandom(41 + pixels);
        for (int i = 0; i < batch; i++) {
            for (int p = random.nextInt(8); p < pixels; p += 6 + random.nextInt(20)) {
                for (int run = p, end = Math.min(pixels, p + 1 + random.nextInt(4)); run < end; run++) {
                    x[i * pixels + run] = (float) random.nextDouble(-1, 1);
                }
            }
        }
        float[] dz = dense(batch * n, 42);
        float[] gradient = dense(pixels * n, 43);

        try (WorkPool pool = new WorkPool(threads)) {
            assertTrue(new SparseGemm(pool).multiplyTransposed(1f, x, batch, pixels, dz, n, 0f, gradient));
        }
        float[] denseGradient = new float[pixels * n];
        try (WorkPool pool = new WorkPool(1)) {
            new Gemm(pool, false).multiply(true, false, 1f, registry.create(new int[] {batch, pixels}, x),
                    registry.create(new int[] {batch, n}, dz), 0f, registry.create(new int[] {pixels, n}, denseGradient));
        }
        assertArrayEquals(denseGradient, gradient);
    }

    @ParameterizedTest(name = "zero share {0}, threads {1}")
    @CsvSource({"0.995, 1", "0.995, 2", "1, 2"})
    void skipsBlocksRowsAndColumnsWithoutNonZerosWithTheDenseKernelsBits(double zeroShare, int threads) {
        int m = 64;
        int k = 784;
        int n = 128;
        float[] a = sparse(m * k, zeroShare, 21);
        float[] b = dense(k * n, 22);
        float[] c0 = dense(m * n, 23);
        float[] viaZeros = c0.clone();
        float[] gradient = dense(k * n, 24);

        try (WorkPool pool = new WorkPool(threads)) {
            SparseGemm sparse = new SparseGemm(pool);
            assertTrue(sparse.multiply(0.5f, a, m, k, b, n, 0.25f, viaZeros));
            assertTrue(sparse.multiplyTransposed(1f, a, m, k, dense(m * n, 25), n, 0f, gradient));
        }

        assertArrayEquals(denseProduct(0.5f, a, m, k, b, n, 0.25f, c0), viaZeros);
        float[] denseGradient = new float[k * n];
        try (WorkPool pool = new WorkPool(1)) {
            new Gemm(pool, false).multiply(true, false, 1f, registry.create(new int[] {m, k}, a),
                    registry.create(new int[] {m, n}, dense(m * n, 25)), 0f, registry.create(new int[] {k, n}, denseGradient));
        }
        assertArrayEquals(denseGradient, gradient);
    }

    @Test
    void countsAnUnchangedOperandOnceAndAgainAfterAWrite() {
        float[] batch = sparse(64 * 784, 0.8, 31);
        CpuTensor x = registry.create(new int[] {64, 784}, batch);
        float[] w = dense(784 * 128, 32);
        float[] dz = dense(64 * 128, 33);
        try (WorkPool pool = new WorkPool(2)) {
            SparseGemm sparse = new SparseGemm(pool);
            assertTrue(sparse.multiply(1f, x, 64, 784, w, 128, 0f, new float[64 * 128]));
            assertTrue(sparse.multiplyTransposed(1f, x, 64, 784, dz, 128, 0f, new float[784 * 128]));
            assertEquals(1, sparse.counts(), "the weight gradient reuses the forward product's count");

            java.util.Arrays.fill(batch, 1f); // now dense, and recorded as a write
            x.written();
            assertFalse(sparse.multiply(1f, x, 64, 784, w, 128, 0f, new float[64 * 128]),
                    "a written operand is counted again");
            assertFalse(sparse.multiplyTransposed(1f, x, 64, 784, dz, 128, 0f, new float[784 * 128]));
            assertEquals(2, sparse.counts());
        }
    }

    @Test
    void leavesATransposedProductWithBetaOrLongChainsToTheDenseKernel() {
        try (WorkPool pool = new WorkPool(1)) {
            SparseGemm sparse = new SparseGemm(pool);
            assertFalse(sparse.multiplyTransposed(1f, sparse(64 * 20, 0.9, 1), 64, 20, dense(64 * 8, 2), 8, 1f,
                    new float[20 * 8]), "beta 1 needs the dense epilogue");
            assertFalse(sparse.multiplyTransposed(1f, sparse(300 * 20, 0.9, 1), 300, 20, dense(300 * 8, 2), 8, 0f,
                    new float[20 * 8]), "k > KC needs blocks");
        }
    }

    @Test
    void leavesMostlyNonZeroOperandsToTheDenseKernel() {
        float[] a = sparse(64 * 128, 0.5, 9);
        float[] c = dense(64 * 32, 10);
        float[] before = c.clone();

        try (WorkPool pool = new WorkPool(1)) {
            assertFalse(new SparseGemm(pool).multiply(1f, a, 64, 128, dense(128 * 32, 11), 32, 0f, c));
        }
        assertArrayEquals(before, c, "a refused product writes nothing");
    }

    private float[] denseProduct(float alpha, float[] a, int m, int k, float[] b, int n, float beta, float[] c0) {
        try (WorkPool pool = new WorkPool(1)) {
            CpuTensor c = registry.create(new int[] {m, n}, c0.clone());
            new Gemm(pool, false).multiply(false, false, alpha, registry.create(new int[] {m, k}, a),
                    registry.create(new int[] {k, n}, b), beta, c);
            return c.data();
        }
    }

    private static float[] sparse(int size, double zeroShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextDouble() < zeroShare ? 0f : (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    private static float[] dense(int size, long seed) {
        return sparse(size, 0, seed);
    }
}
