package org.synlab.spiking.internal;

import org.synlab.api.random.Philox;

/**
 * Consecutive 32-bit words of one Philox stream starting at a chosen block position, four words per block. Used where
 * a unit of work (a connector row, a target's partner set) needs a variable number of draws: the unit owns the
 * positions {@code base, base + 1, ...}, so its draws do not depend on any other unit or on the thread doing it.
 * Not thread-safe; one per thread.
 */
public final class RandomSequence {

    private static final double TWO_PI = 2 * Math.PI;
    private final int[] block = new int[4];
    private long seed;
    private long stream;
    private long base;
    private long drawn;

    /** Restarts at block position {@code base} of {@code stream} under {@code seed}. */
    public RandomSequence reset(long seed, long stream, long base) {
        this.seed = seed;
        this.stream = stream;
        this.base = base;
        this.drawn = 0;
        return this;
    }

    /** The next word. */
    public int nextInt() {
        int word = (int) (drawn & 3);
        if (word == 0) {
            Philox.block(base + (drawn >>> 2), stream, seed, block);
        }
        drawn++;
        return block[word];
    }

    /** Uniform on [0, 1) with 32 bits of resolution. */
    public double nextUniform() {
        return unit(nextInt());
    }

    /** Uniform on (0, 1), safe to take the logarithm of. */
    public double nextUniformOpen() {
        return ((nextInt() & 0xFFFF_FFFFL) + 0.5) * 0x1p-32;
    }

    /**
     * Uniform integer on [0, n) by Lemire's multiply-shift without rejection: the bias is below n / 2^32, far under
     * anything a connector statistic can see for the sizes used here, and it keeps the draw count fixed.
     */
    public int nextBelow(int n) {
        return (int) (((nextInt() & 0xFFFF_FFFFL) * n) >>> 32);
    }

    /** Standard normal by Box-Muller (two words). */
    public double nextGaussian() {
        double radius = Math.sqrt(-2 * Math.log(nextUniformOpen()));
        return radius * Math.cos(TWO_PI * nextUniform());
    }

    /** A word mapped to [0, 1). */
    public static double unit(int word) {
        return (word & 0xFFFF_FFFFL) * 0x1p-32;
    }
}
