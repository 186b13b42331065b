package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

class GemmTest {

    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 7, 17}, {17, 3, 7}, {33, 65, 1}, {65, 33, 17}, {7, 1, 65}, {1, 65, 33},
        {64, 64, 64}, {130, 97, 300}, {2, 700, 129},
    };
    private static final float[][] ALPHA_BETA = {{1f, 0f}, {0.5f, 1f}, {-1.5f, 0.25f}};

    private final Compute compute = TestData.open(2);

    @AfterEach
    void close() {
        compute.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int seed = 0;
        for (int[] s : SHAPES) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    float[] ab = ALPHA_BETA[seed++ % ALPHA_BETA.length];
                    out.add(Arguments.of(s[0], s[1], s[2], ta, tb, ab[0], ab[1]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} alpha={5} beta={6}")
    @MethodSource("cases")
    void matchesDoublePrecisionReference(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta) {
        float[] a = TestData.randomFloats(m * k, 1 + m * 31L + k);
        float[] b = TestData.randomFloats(k * n, 2 + n * 31L + k);
        float[] c0 = TestData.randomFloats(m * n, 3 + m + n);
        Tensor ta2 = compute.upload(a, ta ? new int[] {k, m} : new int[] {m, k});
        Tensor tb2 = compute.upload(b, tb ? new int[] {n, k} : new int[] {k, n});
        Tensor tc = compute.upload(c0, m, n);

        compute.gemm(ta, tb, alpha, ta2, tb2, beta, tc);

        assertClose(reference(ta, tb, alpha, a, b, beta, c0, m, n, k), compute.download(tc));
    }

    @Test
    void betaZeroOverwritesNaN() {
        float[] a = TestData.randomFloats(5 * 4, 7);
        float[] b = TestData.randomFloats(4 * 3, 8);
        float[] nan = new float[5 * 3];
        Arrays.fill(nan, Float.NaN);
        Tensor c = compute.upload(nan, 5, 3);

        compute.gemm(false, false, 1f, compute.upload(a, 5, 4), compute.upload(b, 4, 3), 0f, c);

        assertClose(reference(false, false, 1f, a, b, 0f, new float[15], 5, 3, 4), compute.download(c));
    }

    @Test
    void alphaZeroOnlyScalesC() {
        float[] nan = new float[4];
        Arrays.fill(nan, Float.NaN);
        Tensor c = compute.upload(new float[] {1, 2, 3, 4}, 2, 2);

        compute.gemm(false, false, 0f, compute.upload(nan, 2, 2), compute.upload(nan, 2, 2), 2f, c);

        assertArrayEquals(new float[] {2, 4, 6, 8}, compute.download(c));
    }

    @Test
    void emptyInnerDimensionLeavesBetaTimesC() {
        Tensor c = compute.upload(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        compute.gemm(false, false, 1f, compute.zeros(2, 0), compute.zeros(0, 3), 0.5f, c);

        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, compute.download(c));
    }

    @Test
    void innerDimensionMismatchNamesTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> compute.gemm(false, true, 1f, compute.zeros(3, 4), compute.zeros(6, 5), 0f, compute.zeros(3, 6)));
        assertTrue(e.getMessage().contains("[3, 4]") && e.getMessage().contains("[6, 5] transposed"), e.getMessage());
    }

    @Test
    void wrongResultShapeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> compute.gemm(false, false, 1f, compute.zeros(3, 4), compute.zeros(4, 5), 0f, compute.zeros(5, 3)));
        assertTrue(e.getMessage().contains("[5, 3]") && e.getMessage().contains("[3, 5]"), e.getMessage());
    }

    @Test
    void nonMatrixOperandIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> compute.gemm(false, false, 1f, compute.zeros(4), compute.zeros(4, 5), 0f, compute.zeros(1, 5)));
        assertTrue(e.getMessage().contains("must be a matrix"), e.getMessage());
    }

    @Test
    void resultAliasingAnOperandIsRejected() {
        Tensor square = compute.zeros(3, 3);
        assertThrows(IllegalArgumentException.class,
                () -> compute.gemm(false, false, 1f, square, compute.zeros(3, 3), 0f, square));
    }

    /** The exact product in double, and beside it the magnitude sum(|alpha a b|) + |beta c| it is compared against. */
    static double[][] reference(boolean ta, boolean tb, float alpha, float[] a, float[] b, float beta, float[] c0,
                                int m, int n, int k) {
        double[] value = new double[m * n];
        double[] magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double aip = ta ? a[p * m + i] : a[i * k + p];
                    double bpj = tb ? b[j * k + p] : b[p * n + j];
                    s += aip * bpj;
                    abs += Math.abs(aip * bpj);
                }
                double scaled = beta == 0 ? 0 : beta * (double) c0[i * n + j];
                value[i * n + j] = alpha * s + scaled;
                magnitude[i * n + j] = Math.abs(alpha) * abs + Math.abs(scaled);
            }
        }
        return new double[][] {value, magnitude};
    }

    /**
     * Relative error 1e-5 against the magnitude of the terms summed (the usual forward-error measure
     * for a float dot product); a floor keeps all-zero terms from demanding exact zeros.
     */
    static void assertClose(double[][] expected, float[] actual) {
        double[] value = expected[0];
        double[] magnitude = expected[1];
        assertEquals(value.length, actual.length);
        for (int i = 0; i < value.length; i++) {
            double tolerance = 1e-5 * Math.max(1e-6, magnitude[i]);
            assertEquals(value[i], actual[i], tolerance, "element " + i);
        }
    }

    private static void assertArrayEquals(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}
