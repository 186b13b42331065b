package org.synlab.spiking;

/**
 * The synapses of one projection as parallel arrays, ordered by presynaptic neuron, then delay, then target: what a
 * caller needs to inspect or save a network's connectivity.
 *
 * @param pre presynaptic neuron of each synapse
 * @param post postsynaptic neuron of each synapse
 * @param weight weight of each synapse
 * @param delaySteps delay of each synapse in steps
 */
public record Connections(int[] pre, int[] post, float[] weight, int[] delaySteps) {

    /** The number of synapses. */
    public int size() {
        return pre.length;
    }
}
