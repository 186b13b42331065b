package org.synlab.plugins.learning.plasticity.internal;

import java.util.Arrays;

/**
 * One exponentially decaying spike trace per neuron, decayed lazily: each neuron stores its value just after its
 * last spike and the step of that spike, and a read decays it to the step asked for, so a neuron that never spikes
 * costs nothing per step. A trace that has decayed to exactly 0 is stored as 0, which later reads skip.
 *
 * <p>The value read at a step is remembered with that step, so the synapses of a row (which read the traces of
 * the same postsynaptic neurons for every presynaptic spike of the step) pay for one decay per neuron and step,
 * then one load per synapse, without any per-step pass over all neurons.
 *
 * <p>All-to-all pairing adds 1 at each spike (every earlier spike keeps contributing); nearest-spike pairing sets
 * the trace to 1 (only the latest spike counts), the symmetric nearest-spike scheme of Morrison, Diesmann and
 * Gerstner (2008).
 */
public final class Trace {

    private final float[] value;
    private final long[] last;
    private final float[] current;
    private final long[] currentStep;
    private final Decay decay;

    public Trace(int neurons, Decay decay) {
        this.value = new float[neurons];
        this.last = new long[neurons];
        this.current = new float[neurons];
        this.currentStep = new long[neurons];
        Arrays.fill(currentStep, Long.MIN_VALUE);
        this.decay = decay;
    }

    /** The trace of {@code neuron} at {@code step} (not before its last spike), with the spikes of that step so far. */
    public float at(int neuron, long step) {
        if (currentStep[neuron] == step) {
            return current[neuron];
        }
        float v = value[neuron];
        float decayed = v == 0f ? 0f : v * decay.over(step - last[neuron]);
        if (decayed == 0f) {
            value[neuron] = 0f;
        }
        current[neuron] = decayed;
        currentStep[neuron] = step;
        return decayed;
    }

    /** Records a spike of {@code neuron} at {@code step}: the trace jumps by 1, or to 1 if {@code nearest}. */
    public void spike(int neuron, long step, boolean nearest) {
        float after = nearest ? 1f : at(neuron, step) + 1f;
        value[neuron] = after;
        last[neuron] = step;
        current[neuron] = after;
        currentStep[neuron] = step;
    }
}
