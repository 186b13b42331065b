package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.Distribution;
import org.synlab.api.random.Philox;

/**
 * Fills a tensor from the Philox stream {@code (seed, stream)}. Uniform element i takes word i % 4
 * of block i / 4; normal element i takes two words of block i / 2. Each value is therefore a pure
 * function of (seed, stream, i). Normals use {@link StrictMath} so that they are also the same on
 * every machine and JVM.
 */
final class RandomFill {

    private static final float TWO_POW_MINUS_24 = 0x1.0p-24f;
    private static final double TWO_POW_MINUS_32 = 0x1.0p-32;
    private static final long LOW32 = 0xFFFFFFFFL;

    private RandomFill() {
    }

    static void fill(WorkPool pool, CpuTensor t, Distribution distribution, float a, float b, long seed, long stream) {
        if (distribution == null) {
            throw new IllegalArgumentException("random: distribution is null");
        }
        switch (distribution) {
            case UNIFORM -> {
                if (!(a <= b) || !Float.isFinite(a) || !Float.isFinite(b)) {
                    throw new IllegalArgumentException("random: UNIFORM needs finite bounds a <= b, got [" + a + ", " + b + ")");
                }
            }
            case NORMAL -> {
                if (!(b >= 0) || !Float.isFinite(a) || !Float.isFinite(b)) {
                    throw new IllegalArgumentException("random: NORMAL needs a finite mean and a finite standard deviation >= 0, got mean "
                            + a + ", std " + b);
                }
            }
        }
        float[] x = t.data();
        int size = x.length;
        // Chunks.ELEMENTS is a multiple of 4, so no Philox block straddles two tasks
        pool.forEach(Chunks.count(size, Chunks.ELEMENTS), chunk -> {
            int from = chunk * Chunks.ELEMENTS;
            int to = Math.min(size, from + Chunks.ELEMENTS);
            if (distribution == Distribution.UNIFORM) {
                uniform(x, from, to, a, b, seed, stream);
            } else {
                normal(x, from, to, a, b, seed, stream);
            }
        });
    }

    private static void uniform(float[] x, int from, int to, float a, float b, long seed, long stream) {
        int[] words = new int[4];
        double width = (double) b - a;
        float below = Math.nextDown(b);
        for (int i = from; i < to; i += 4) {
            Philox.block(i >>> 2, stream, seed, words);
            for (int w = 0; w < 4 && i + w < to; w++) {
                float u = (words[w] >>> 8) * TWO_POW_MINUS_24;
                float v = (float) (a + width * u);
                // rounding to float can land on b itself; the interval is half-open
                x[i + w] = a < b && v >= b ? below : v;
            }
        }
    }

    /** Box-Muller (cosine branch) on 32-bit uniforms: u1 in (0, 1] so the log is finite, u2 in [0, 1). */
    private static void normal(float[] x, int from, int to, float mean, float std, long seed, long stream) {
        int[] words = new int[4];
        for (int i = from; i < to; i += 2) {
            Philox.block(i >>> 1, stream, seed, words);
            for (int h = 0; h < 2 && i + h < to; h++) {
                double u1 = ((words[2 * h] & LOW32) + 1) * TWO_POW_MINUS_32;
                double u2 = (words[2 * h + 1] & LOW32) * TWO_POW_MINUS_32;
                double z = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
                x[i + h] = (float) (mean + std * z);
            }
        }
    }
}
