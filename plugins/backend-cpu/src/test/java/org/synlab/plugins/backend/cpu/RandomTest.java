package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Distribution;
import org.synlab.api.Tensor;

class RandomTest {

    private static final int N = 100_000;

    @Test
    void sameSeedAndStreamGiveTheSameValues() {
        assertArrayEquals(draw(1, 7L, Distribution.UNIFORM, 3L, N), draw(1, 7L, Distribution.UNIFORM, 3L, N));
        assertArrayEquals(draw(1, 7L, Distribution.NORMAL, 3L, N), draw(1, 7L, Distribution.NORMAL, 3L, N));
    }

    @Test
    void differentStreamOrSeedGivesDifferentValues() {
        float[] base = draw(1, 7L, Distribution.UNIFORM, 3L, N);
        assertFalse(Arrays.equals(base, draw(1, 7L, Distribution.UNIFORM, 4L, N)));
        assertFalse(Arrays.equals(base, draw(1, 8L, Distribution.UNIFORM, 3L, N)));
        assertFalse(Arrays.equals(base, draw(1, 7L, Distribution.UNIFORM, 3L | (1L << 40), N)));
    }

    @Test
    void valuesDoNotDependOnThreadCount() {
        for (Distribution d : Distribution.values()) {
            assertArrayEquals(TestData.bits(draw(1, 99L, d, 5L, 1_000_003)), TestData.bits(draw(2, 99L, d, 5L, 1_000_003)),
                    d.toString());
        }
    }

    @Test
    void elementDependsOnlyOnItsIndexNotOnCallOrderOrTensorSize() {
        try (Compute compute = TestData.open(2, 1L)) {
            Tensor small = compute.zeros(13);
            Tensor large = compute.zeros(50_001);
            compute.random(large, Distribution.NORMAL, 0f, 1f, 9L);
            compute.random(small, Distribution.NORMAL, 0f, 1f, 9L);
            assertArrayEquals(compute.download(small), Arrays.copyOf(compute.download(large), 13));
        }
    }

    @Test
    void uniformHasTheRightRangeMeanAndVariance() {
        float a = 2f;
        float b = 5f;
        float[] x = draw(2, 123L, Distribution.UNIFORM, 0L, N);
        double[] moments = moments(x);
        for (float v : x) {
            assertTrue(v >= a && v < b, "out of [2, 5): " + v);
        }
        assertEquals(3.5, moments[0], 0.015);
        assertEquals(0.75, moments[1], 0.015);
    }

    @Test
    void uniformNeverReachesItsUpperBound() {
        try (Compute compute = TestData.open(1, 5L)) {
            Tensor t = compute.zeros(N);
            compute.random(t, Distribution.UNIFORM, 1f, 1.0000001f, 0L);
            for (float v : compute.download(t)) {
                assertEquals(1f, v);
            }
        }
    }

    @Test
    void normalHasTheRightMeanAndStandardDeviation() {
        float[] x = draw(2, 321L, Distribution.NORMAL, 1L, N);
        double[] moments = moments(x);
        assertEquals(1.0, moments[0], 0.04);
        assertEquals(2.0, Math.sqrt(moments[1]), 0.03);
        long withinOneSigma = 0;
        for (float v : x) {
            if (Math.abs(v - 1) < 2) {
                withinOneSigma++;
            }
        }
        assertEquals(0.6827, withinOneSigma / (double) N, 0.01);
    }

    @Test
    void invalidParametersAreRejected() {
        try (Compute compute = TestData.open(1)) {
            Tensor t = compute.zeros(4);
            assertThrows(IllegalArgumentException.class, () -> compute.random(t, Distribution.UNIFORM, 1f, 0f, 0L));
            assertThrows(IllegalArgumentException.class, () -> compute.random(t, Distribution.NORMAL, 0f, -1f, 0L));
            assertThrows(IllegalArgumentException.class, () -> compute.random(t, Distribution.UNIFORM, 0f, Float.NaN, 0L));
        }
    }

    /** Uniform draws are on [2, 5), normal draws have mean 1 and standard deviation 2. */
    private static float[] draw(int threads, long seed, Distribution d, long stream, int n) {
        try (Compute compute = TestData.open(threads, seed)) {
            Tensor t = compute.zeros(n);
            if (d == Distribution.UNIFORM) {
                compute.random(t, d, 2f, 5f, stream);
            } else {
                compute.random(t, d, 1f, 2f, stream);
            }
            return compute.download(t);
        }
    }

    /** Mean and population variance. */
    private static double[] moments(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, var / x.length};
    }
}
