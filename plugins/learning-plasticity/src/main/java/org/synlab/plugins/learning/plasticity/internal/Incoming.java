package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Synapses;

/**
 * The reverse (CSC) index of a projection: the synapses arriving at each postsynaptic neuron, {@code
 * synapse[start[j]] .. synapse[start[j+1]-1]}, in ascending synapse order. Built once by a counting sort; it lets a
 * postsynaptic spike reach exactly its own incoming synapses, and normalisation sum them.
 */
public final class Incoming {

    private final int[] start;
    private final int[] synapse;

    private Incoming(int[] start, int[] synapse) {
        this.start = start;
        this.synapse = synapse;
    }

    public static Incoming of(Synapses synapses) {
        int[] post = synapses.post();
        int count = synapses.count();
        int[] start = new int[synapses.postSize() + 1];
        for (int s = 0; s < count; s++) {
            start[post[s] + 1]++;
        }
        for (int j = 0; j < synapses.postSize(); j++) {
            start[j + 1] += start[j];
        }
        int[] fill = start.clone();
        int[] synapse = new int[count];
        for (int s = 0; s < count; s++) {
            synapse[fill[post[s]]++] = s;
        }
        return new Incoming(start, synapse);
    }

    /** The first index into {@link #synapse(int)} for neuron {@code post}. */
    public int begin(int post) {
        return start[post];
    }

    /** One past the last index for neuron {@code post}. */
    public int end(int post) {
        return start[post + 1];
    }

    /** The synapse at position {@code k} of the index. */
    public int synapse(int k) {
        return synapse[k];
    }

    /** The number of postsynaptic neurons. */
    public int posts() {
        return start.length - 1;
    }
}
