package org.synlab.spiking;

import java.util.Arrays;
import java.util.Objects;

/**
 * Independent Poisson spike trains: in each step neuron {@code i} fires with probability {@code rates[i]·dt}
 * (capped at 1), drawn from Philox keyed by (seed, this source's stream, step, neuron), so the trains do not depend
 * on the thread count.
 *
 * @param name unique name
 * @param rates rate of each neuron in hertz; its length is the size
 */
public record PoissonSource(String name, double[] rates) implements Population {

    public PoissonSource {
        Objects.requireNonNull(name, "name");
        if (rates.length < 1) {
            throw new IllegalArgumentException("Poisson source " + name + ": needs at least one neuron");
        }
        rates = rates.clone();
        for (double rate : rates) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("Poisson source " + name + ": rates must be finite and >= 0, got "
                        + rate);
            }
        }
    }

    /** {@code size} neurons firing at the same rate. */
    public static PoissonSource uniform(String name, int size, double rateHz) {
        if (size < 1) {
            throw new IllegalArgumentException("Poisson source " + name + ": size must be >= 1, got " + size);
        }
        double[] rates = new double[size];
        Arrays.fill(rates, rateHz);
        return new PoissonSource(name, rates);
    }

    @Override
    public int size() {
        return rates.length;
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoissonSource that && name.equals(that.name) && Arrays.equals(rates, that.rates);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return "PoissonSource[" + name + ", " + rates.length + " neurons]";
    }
}
