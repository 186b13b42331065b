package org.synlab.api;

/**
 * A rate neuron: its output is a function of its summed input. Declared as expressions (see
 * {@link Activation}) so that every backend can run it without plugin code of its own.
 */
public interface RateNeuron extends NeuronModel {

    /** The activation with this part's parameters bound. */
    Activation activation(Params params);
}
