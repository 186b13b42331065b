package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import java.util.Map;
import java.util.Objects;

/**
 * Model neurons updated by a {@link NeuronKernel}. Variables missing from {@code initial} start at zero.
 *
 * @param name unique name
 * @param size number of neurons, at least 1
 * @param kernel the neuron update
 * @param initial initial value of each named state variable (constant or a distribution drawn per neuron)
 */
public record NeuronPopulation(String name, int size, NeuronKernel kernel, Map<String, Value> initial)
        implements Population {

    public NeuronPopulation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel of population " + name);
        if (size < 1) {
            throw new IllegalArgumentException("population " + name + ": size must be >= 1, got " + size);
        }
        initial = Map.copyOf(initial);
        for (String variable : initial.keySet()) {
            if (!kernel.variables().contains(variable)) {
                throw new IllegalArgumentException("population " + name + ": initial value for unknown variable '"
                        + variable + "'; the model has " + kernel.variables());
            }
        }
    }

    /** A population whose variables all start at zero. */
    public NeuronPopulation(String name, int size, NeuronKernel kernel) {
        this(name, size, kernel, Map.of());
    }
}
