package org.synlab.spiking;

import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.SynapseSlice;

/** One projection at run time: its presynaptic population, its target ring buffer, and one slice per thread. */
final class RuntimeProjection {

    final Projection spec;
    final RuntimePopulation pre;
    final DelayBuffer buffer;
    final SynapseSlice[] slices;
    final int synapses;

    RuntimeProjection(Projection spec, RuntimePopulation pre, DelayBuffer buffer, SynapseSlice[] slices,
            int synapses) {
        this.spec = spec;
        this.pre = pre;
        this.buffer = buffer;
        this.slices = slices;
        this.synapses = synapses;
    }
}
