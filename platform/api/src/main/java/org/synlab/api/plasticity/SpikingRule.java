package org.synlab.api.plasticity;

import org.synlab.api.LearningRule;
import org.synlab.api.Params;

/**
 * A spike-based plasticity rule (pair or triplet STDP, reward-modulated STDP, normalisation of incoming weights).
 * Register it as a DS component with {@code service = LearningRule.class}; an experiment attaches it to a
 * projection by {@link #name()}, with parameters checked against {@link #parameters()}.
 */
public interface SpikingRule extends LearningRule {

    /**
     * Creates the rule's state for one projection (or one thread's slice of it, see {@link Plasticity}). The state
     * keeps whatever it needs (traces, last-update steps, a reverse index) and changes {@code synapses.weight()} in
     * place from its hooks. Called once per run before the first step; the arrays of {@code synapses} must stay the
     * same objects for the life of the state.
     *
     * @param synapses the synapses the state works on
     * @param params   parameters validated against {@link #parameters()}
     * @param dt       the simulation time step in seconds
     */
    Plasticity attach(Synapses synapses, Params params, double dt);
}
