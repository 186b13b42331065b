package org.synlab.plugins.backend.cpu;

import java.util.SplittableRandom;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;

/** Opens contexts through the public backend and makes reproducible test inputs. */
final class TestData {

    private TestData() {
    }

    static Compute open(int threads) {
        return open(threads, 42L);
    }

    static Compute open(int threads, long seed) {
        return new CpuBackend().open(new ComputeConfig(threads, seed));
    }

    /** Values in [-1, 1). */
    static float[] randomFloats(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    static int[] bits(float[] x) {
        int[] bits = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            bits[i] = Float.floatToRawIntBits(x[i]);
        }
        return bits;
    }
}
