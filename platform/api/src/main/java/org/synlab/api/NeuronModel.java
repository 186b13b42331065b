package org.synlab.api;

/**
 * A neuron model. Register it as a DS component with {@code service = NeuronModel.class}. Rate
 * networks use {@link RateNeuron}; spiking models will extend this interface with their equations.
 */
public interface NeuronModel extends Plugin {
}
