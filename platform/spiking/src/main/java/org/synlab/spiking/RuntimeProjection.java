package org.synlab.spiking;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.SynapseSlice;

/**
 * One projection at run time: its pre- and postsynaptic populations, its target ring buffer, one slice per thread
 * and, if it is plastic, one plasticity state per slice (null otherwise). State {@code k} works on slice {@code k}'s
 * weights only and is called only by thread {@code k} during a run.
 */
final class RuntimeProjection {

    final Projection spec;
    final RuntimePopulation pre;
    final RuntimePopulation post;
    final DelayBuffer buffer;
    final SynapseSlice[] slices;
    final Plasticity[] plasticity;
    final int synapses;

    RuntimeProjection(Projection spec, RuntimePopulation pre, RuntimePopulation post, DelayBuffer buffer,
            SynapseSlice[] slices, Plasticity[] plasticity, int synapses) {
        this.spec = spec;
        this.pre = pre;
        this.post = post;
        this.buffer = buffer;
        this.slices = slices;
        this.plasticity = plasticity;
        this.synapses = synapses;
    }
}
