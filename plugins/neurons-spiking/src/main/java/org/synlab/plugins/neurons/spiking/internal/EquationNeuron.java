package org.synlab.plugins.neurons.spiking.internal;

import org.synlab.api.SpikingNeuron;
import org.synlab.api.eqs.SpikingModel;

/**
 * A spiking neuron that is nothing but its equations: the model is built (parsed and unit-checked)
 * once when the class loads, so a mistake in a built-in model fails the bundle's tests, not a run.
 */
public abstract class EquationNeuron implements SpikingNeuron {

    private final SpikingModel model;
    private final String description;

    protected EquationNeuron(SpikingModel model, String description) {
        this.model = model;
        this.description = description;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public SpikingModel model() {
        return model;
    }

    @Override
    public String toString() {
        return "neuron " + name();
    }
}
