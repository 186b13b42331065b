package org.synlab.spiking;

import java.util.Objects;

/**
 * A noisy input that sets a variable of a population to {@code mean + sd · z}, with {@code z} a standard normal drawn
 * per neuron and redrawn every {@code intervalMs} (held in between), e.g. the thalamic input of Izhikevich (2003),
 * {@code I = 5 · randn} per millisecond. Each draw is keyed in Philox by (seed, this input's stream, draw number,
 * neuron), so it does not depend on the thread count. Like a {@link CurrentInput} it owns its variable.
 *
 * @param population the neuron population
 * @param variable the variable it sets
 * @param mean the mean
 * @param sd the standard deviation, at least 0
 * @param intervalMs how long each draw is held, rounded to whole steps (at least one)
 */
public record NoiseCurrent(String population, String variable, double mean, double sd, double intervalMs) {

    public NoiseCurrent {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(variable, "variable");
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd) || !(intervalMs >= 0)
                || Double.isInfinite(intervalMs)) {
            throw new IllegalArgumentException("noise input " + population + "." + variable
                    + ": needs a finite mean, a finite sd >= 0 and a finite interval >= 0");
        }
    }
}
