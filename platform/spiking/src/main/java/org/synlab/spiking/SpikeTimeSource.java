package org.synlab.spiking;

import java.util.Objects;

/**
 * Neurons that fire at given times. Each time is rounded to the nearest step; a neuron fires at most once per step,
 * so two times that round to the same step give one spike.
 *
 * @param name unique name
 * @param timesMs for each neuron, its spike times in milliseconds (any order, each {@code >= 0}); the number of
 *     arrays is the size
 */
public record SpikeTimeSource(String name, double[][] timesMs) implements Population {

    public SpikeTimeSource {
        Objects.requireNonNull(name, "name");
        if (timesMs.length < 1) {
            throw new IllegalArgumentException("spike-time source " + name + ": needs at least one neuron");
        }
        double[][] copy = new double[timesMs.length][];
        for (int i = 0; i < timesMs.length; i++) {
            copy[i] = timesMs[i].clone();
            for (double t : copy[i]) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("spike-time source " + name + ", neuron " + i
                            + ": times must be finite and >= 0, got " + t);
                }
            }
        }
        timesMs = copy;
    }

    @Override
    public int size() {
        return timesMs.length;
    }

    /** A copy of neuron {@code i}'s times. */
    public double[] times(int neuron) {
        return timesMs[neuron].clone();
    }

    @Override
    public double[][] timesMs() {
        double[][] copy = new double[timesMs.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = timesMs[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpikeTimeSource that && name.equals(that.name)
                && java.util.Arrays.deepEquals(timesMs, that.timesMs);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Arrays.deepHashCode(timesMs);
    }

    @Override
    public String toString() {
        return "SpikeTimeSource[" + name + ", " + timesMs.length + " neurons]";
    }
}
