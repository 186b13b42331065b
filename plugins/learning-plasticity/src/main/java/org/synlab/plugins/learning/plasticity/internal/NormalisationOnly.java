package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/** A state that ignores spikes and normalises each neuron's incoming weights before each pattern. */
public final class NormalisationOnly implements Plasticity {

    private final Normaliser normaliser;

    public NormalisationOnly(Synapses synapses, double total) {
        this.normaliser = new Normaliser(synapses, Incoming.of(synapses), total);
    }

    @Override
    public void preSpike(int pre, int begin, int end, long step) {
        // spikes do not change the weights: normalisation acts only between patterns
    }

    @Override
    public void postSpike(int post, long step) {
        // as preSpike
    }

    @Override
    public void beforePattern(long step) {
        normaliser.apply();
    }
}
