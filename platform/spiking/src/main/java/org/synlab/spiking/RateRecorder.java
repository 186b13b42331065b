package org.synlab.spiking;

import java.util.Arrays;

/**
 * The population rate in bins of {@code binSteps} steps: bin {@code b} counts the spikes of steps {@code [b·binSteps,
 * (b+1)·binSteps)}, and its rate is that count divided by the population size and the bin's duration. The last bin
 * of a run may be partial; {@link #rateHz} divides by its full width.
 */
public final class RateRecorder {

    private final String population;
    private final int size;
    private final double dt;
    private final int binSteps;
    private int[] counts = new int[0];
    private int bins;

    RateRecorder(String population, int size, double dt, int binSteps) {
        if (binSteps < 1) {
            throw new IllegalArgumentException("rate bin of " + binSteps + " steps: must be >= 1");
        }
        this.population = population;
        this.size = size;
        this.dt = dt;
        this.binSteps = binSteps;
    }

    void reserve(long endStep) {
        long needed = (endStep + binSteps - 1) / binSteps;
        if (needed > counts.length) {
            counts = Arrays.copyOf(counts, Math.toIntExact(needed));
        }
    }

    void add(long step, int spikes) {
        counts[(int) (step / binSteps)] += spikes;
    }

    void commit(long endStep) {
        bins = (int) ((endStep + binSteps - 1) / binSteps);
    }

    /** The population recorded. */
    public String population() {
        return population;
    }

    /** The bin width in steps. */
    public int binSteps() {
        return binSteps;
    }

    /** The number of bins so far. */
    public int bins() {
        return bins;
    }

    /** The spike count of bin {@code b}. */
    public int count(int b) {
        checkBin(b);
        return counts[b];
    }

    /** The mean rate of the population in bin {@code b}, in hertz. */
    public double rateHz(int b) {
        checkBin(b);
        return counts[b] / (size * binSteps * dt * 1e-3);
    }

    /** All bin rates in hertz. */
    public double[] ratesHz() {
        double[] rates = new double[bins];
        for (int b = 0; b < bins; b++) {
            rates[b] = rateHz(b);
        }
        return rates;
    }

    private void checkBin(int b) {
        if (b < 0 || b >= bins) {
            throw new IndexOutOfBoundsException("bin " + b + " of " + bins);
        }
    }
}
