package org.synlab.spiking;

import java.util.Arrays;
import java.util.Objects;

/**
 * An input that sets a variable of a population at the start of every step: {@code variable[i] = amplitude(t) ·
 * scale[i]}, where {@code amplitude(t)} is the amplitude of the last change at or before {@code t} (0 before the
 * first) and {@code scale[i]} is 1 unless per-neuron scales are given. The input owns its variable: kernels read it,
 * and no projection may target it.
 *
 * @param population the neuron population
 * @param variable the variable it sets, e.g. {@code I}
 * @param timesMs the times of the changes in milliseconds, strictly increasing
 * @param amplitudes the amplitude from each change on
 * @param scale per-neuron factors, or {@code null} for 1 everywhere
 */
public record CurrentInput(String population, String variable, double[] timesMs, double[] amplitudes,
        double[] scale) {

    public CurrentInput {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(variable, "variable");
        if (timesMs.length != amplitudes.length || timesMs.length == 0) {
            throw new IllegalArgumentException("current input " + population + "." + variable
                    + ": needs as many times as amplitudes, at least one");
        }
        timesMs = timesMs.clone();
        amplitudes = amplitudes.clone();
        scale = scale == null ? null : scale.clone();
        for (int i = 0; i < timesMs.length; i++) {
            if (!(timesMs[i] >= 0) || (i > 0 && !(timesMs[i] > timesMs[i - 1])) || !Double.isFinite(amplitudes[i])) {
                throw new IllegalArgumentException("current input " + population + "." + variable
                        + ": times must be >= 0 and strictly increasing, amplitudes finite");
            }
        }
    }

    /** A constant amplitude from time 0. */
    public static CurrentInput constant(String population, String variable, double amplitude) {
        return new CurrentInput(population, variable, new double[] {0}, new double[] {amplitude}, null);
    }

    /** A constant, different amplitude per neuron from time 0 (an f-I curve in one population). */
    public static CurrentInput perNeuron(String population, String variable, double[] amplitudes) {
        return new CurrentInput(population, variable, new double[] {0}, new double[] {1}, amplitudes);
    }

    /** A step function: {@code amplitudes[k]} from {@code timesMs[k]} on. */
    public static CurrentInput stepped(String population, String variable, double[] timesMs, double[] amplitudes) {
        return new CurrentInput(population, variable, timesMs, amplitudes, null);
    }

    @Override
    public double[] timesMs() {
        return timesMs.clone();
    }

    @Override
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    @Override
    public double[] scale() {
        return scale == null ? null : scale.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentInput that && population.equals(that.population)
                && variable.equals(that.variable) && Arrays.equals(timesMs, that.timesMs)
                && Arrays.equals(amplitudes, that.amplitudes) && Arrays.equals(scale, that.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(population, variable, Arrays.hashCode(timesMs), Arrays.hashCode(amplitudes),
                Arrays.hashCode(scale));
    }

    @Override
    public String toString() {
        return "CurrentInput[" + population + "." + variable + ", " + timesMs.length + " steps]";
    }
}
