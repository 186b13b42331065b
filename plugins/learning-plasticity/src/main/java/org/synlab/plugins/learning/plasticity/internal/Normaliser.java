package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Synapses;

/**
 * Scales the incoming weights of each postsynaptic neuron so that they sum to a fixed total, keeping their ratios
 * (Diehl and Cook 2015 do this before each image, with a total of 78 for 784 inputs). The sum is taken in double
 * precision; a neuron whose incoming weights sum to zero is left alone, since no factor can fix it.
 */
public final class Normaliser {

    private final float[] weight;
    private final Incoming incoming;
    private final double total;

    public Normaliser(Synapses synapses, Incoming incoming, double total) {
        this.weight = synapses.weight();
        this.incoming = incoming;
        this.total = total;
    }

    /** Normalises every postsynaptic neuron. */
    public void apply() {
        for (int j = 0; j < incoming.posts(); j++) {
            int begin = incoming.begin(j);
            int end = incoming.end(j);
            double sum = 0;
            for (int k = begin; k < end; k++) {
                sum += weight[incoming.synapse(k)];
            }
            if (sum != 0) {
                double factor = total / sum;
                for (int k = begin; k < end; k++) {
                    int s = incoming.synapse(k);
                    weight[s] = (float) (weight[s] * factor);
                }
            }
        }
    }
}
