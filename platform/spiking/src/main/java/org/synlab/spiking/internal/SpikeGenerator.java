package org.synlab.spiking.internal;

/** The spikes of a spike source, computed per step and per thread range like a neuron kernel. */
public interface SpikeGenerator {

    /**
     * Writes the neurons of {@code [from, to)}, range {@code part} of the source's {@link Partition}, that fire at
     * {@code step} into {@code spiked} in ascending order, from index 0, and returns how many. Calls for different
     * parts may run concurrently; each part sees steps in increasing order.
     */
    int generate(long step, int part, int from, int to, int[] spiked);
}
