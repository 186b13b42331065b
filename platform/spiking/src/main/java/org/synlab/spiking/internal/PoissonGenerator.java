package org.synlab.spiking.internal;

import java.util.Arrays;
import org.synlab.api.random.Philox;

/**
 * Poisson spikes: neuron {@code i} fires at {@code step} when word {@code i mod 4} of Philox block {@code step *
 * ceil(n/4) + i/4} is below {@code p_i * 2^32}, with {@code p_i = min(1, rate_i * dt)}. One block serves four
 * neurons, and the draw depends only on (seed, stream, step, i), never on the thread. Blocks whose four neurons are
 * all silent (rate 0, such as the black pixels of an image, or every input between images) are not drawn at all.
 */
public final class PoissonGenerator implements SpikeGenerator {

    private final long seed;
    private final long stream;
    private final double dt;
    private final long[] threshold;
    private final long blocksPerStep;
    /** The blocks with at least one neuron of non-zero rate, ascending. */
    private int[] activeBlocks = new int[0];
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
        int[] active = new int[(int) blocksPerStep];
        int n = 0;
        for (int b = 0; b < blocksPerStep; b++) {
            for (int i = 4 * b; i < Math.min(4 * b + 4, threshold.length); i++) {
                if (threshold[i] != 0) {
                    active[n++] = b;
                    break;
                }
            }
        }
        activeBlocks = Arrays.copyOf(active, n);
    }

    @Override
    public int generate(long step, int part, int from, int to, int[] spiked) {
        int[] block = words.get();
        long base = step * blocksPerStep;
        int[] active = activeBlocks;
        int count = 0;
        // the first active block holding a neuron of [from, to): ranges need not start on a block boundary
        int k = firstAtOrAfter(active, from >>> 2);
        for (; k < active.length; k++) {
            int b = active[k];
            int first = Math.max(from, 4 * b);
            int end = Math.min(to, 4 * b + 4);
            if (first >= end) {
                break;
            }
            Philox.block(base + b, stream, seed, block);
            for (int i = first; i < end; i++) {
                if ((block[i & 3] & 0xFFFF_FFFFL) < threshold[i]) {
                    spiked[count++] = i;
                }
            }
        }
        return count;
    }

    private static int firstAtOrAfter(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
