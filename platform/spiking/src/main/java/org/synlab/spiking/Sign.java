package org.synlab.spiking;

/**
 * Whether a projection excites or inhibits, declared as in PyNN. The weight is delivered exactly as given, because
 * its sign depends on the synapse type: a current-based inhibitory synapse carries a negative weight (Brian2's CUBA
 * {@code gi += wi} with {@code wi < 0}), a conductance-based one a positive conductance that the model multiplies
 * by {@code (Ei - v)}. What the sign fixes is that excitatory weights are never negative: the build rejects an
 * excitatory projection with a negative constant or a uniform reaching below zero, and clips normal draws below
 * zero to zero (a normal has no lower bound).
 */
public enum Sign {
    /** Weights are non-negative. */
    EXCITATORY,
    /** Weights are delivered as given (negative for currents, positive for conductances). */
    INHIBITORY
}
