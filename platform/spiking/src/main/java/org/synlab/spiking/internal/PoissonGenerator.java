package org.synlab.spiking.internal;

import org.synlab.api.random.Philox;

/**
 * Poisson spikes: neuron {@code i} fires at {@code step} when word {@code i mod 4} of Philox block {@code step *
 * ceil(n/4) + i/4} is below {@code p_i * 2^32}, with {@code p_i = min(1, rate_i * dt)}. One block serves four
 * neurons, and the draw depends only on (seed, stream, step, i), never on the thread.
 */
public final class PoissonGenerator implements SpikeGenerator {

    private final long seed;
    private final long stream;
    private final double dt;
    private final long[] threshold;
    private final long blocksPerStep;
    private final ThreadLocal<int[]> words = ThreadLocal.withInitial(() -> new int[4]);

    /** Neurons with the given rates (Hz), stepped with {@code dt} ms. */
    public PoissonGenerator(double[] ratesHz, double dt, long seed, long stream) {
        this.seed = seed;
        this.stream = stream;
        this.dt = dt;
        this.threshold = new long[ratesHz.length];
        this.blocksPerStep = (ratesHz.length + 3) / 4;
        setRates(ratesHz);
    }

    /**
     * Changes every neuron's rate (Hz) from the next step on, for a new input pattern; call between runs. The draws
     * stay keyed by (seed, stream, step, neuron), so the trains still do not depend on the threads.
     */
    public void setRates(double[] ratesHz) {
        if (ratesHz.length != threshold.length) {
            throw new IllegalArgumentException(threshold.length + " neurons, got " + ratesHz.length + " rates");
        }
        for (double rate : ratesHz) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rates must be finite and >= 0, got " + rate);
            }
        }
        for (int i = 0; i < ratesHz.length; i++) {
            double p = Math.min(1.0, ratesHz[i] * dt * 1e-3);
            // p = 1 maps to 2^32, above every word, so the neuron fires every step
            threshold[i] = (long) Math.ceil(p * 0x1p32);
        }
    }

    @Override
    public int generate(long step, int part, int from, int to, int[] spiked) {
        int[] block = words.get();
        long base = step * blocksPerStep;
        int count = 0;
        for (int i = from; i < to; i += 4) {
            Philox.block(base + (i >>> 2), stream, seed, block);
            int end = Math.min(4, to - i);
            for (int w = 0; w < end; w++) {
                if ((block[w] & 0xFFFF_FFFFL) < threshold[i + w]) {
                    spiked[count++] = i + w;
                }
            }
        }
        return count;
    }
}
