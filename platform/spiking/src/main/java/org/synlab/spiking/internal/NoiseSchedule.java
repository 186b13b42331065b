package org.synlab.spiking.internal;

import org.synlab.api.random.Philox;

/**
 * A noisy input turned into steps: every {@code hold} steps, each neuron draws {@code mean + sd · z}. One Philox block
 * gives two standard normals by Box-Muller (cosine and sine branches), for the neuron pair {@code (2j, 2j+1)} at
 * position {@code draw · ceil(n/2) + j}; thread ranges start at even neurons, so no pair straddles two threads.
 */
public final class NoiseSchedule {

    private static final double TWO_PI = 2 * Math.PI;
    private final float[] variable;
    private final double mean;
    private final double sd;
    private final int hold;
    private final long seed;
    private final long stream;
    private final long blocksPerDraw;
    private final ThreadLocal<int[]> words = ThreadLocal.withInitial(() -> new int[4]);

    /** Noise into {@code variable}, redrawn every {@code hold} steps. */
    public NoiseSchedule(float[] variable, double mean, double sd, int hold, long seed, long stream) {
        this.variable = variable;
        this.mean = mean;
        this.sd = sd;
        this.hold = Math.max(1, hold);
        this.seed = seed;
        this.stream = stream;
        this.blocksPerDraw = (variable.length + 1) / 2;
    }

    /** Writes the input of {@code step} for neurons {@code [from, to)}; {@code from} must be even. */
    public void apply(long step, int from, int to) {
        if (step % hold != 0) {
            return;
        }
        int[] block = words.get();
        long base = step / hold * blocksPerDraw;
        for (int i = from; i < to; i += 2) {
            Philox.block(base + (i >>> 1), stream, seed, block);
            double radius = Math.sqrt(-2 * Math.log(((block[0] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32));
            double angle = TWO_PI * RandomSequence.unit(block[1]);
            variable[i] = (float) (mean + sd * radius * Math.cos(angle));
            if (i + 1 < to) {
                variable[i + 1] = (float) (mean + sd * radius * Math.sin(angle));
            }
        }
    }
}
