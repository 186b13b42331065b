package org.synlab.spiking;

/**
 * A group of neurons with a name and a size: a population of model neurons, or a spike source. Neuron indices run
 * from 0 to {@code size() - 1}.
 */
public sealed interface Population permits NeuronPopulation, PoissonSource, SpikeTimeSource {

    /** The unique name projections and recorders refer to. */
    String name();

    /** The number of neurons. */
    int size();
}
