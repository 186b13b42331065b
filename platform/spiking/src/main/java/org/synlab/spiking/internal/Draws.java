package org.synlab.spiking.internal;

import org.synlab.spiking.Value;

/**
 * Draws one {@link Value} per index (a neuron, a synapse) from its own Philox position, so each value depends only on
 * (seed, stream, index). Not thread-safe; one per thread.
 */
public final class Draws {

    private final RandomSequence sequence = new RandomSequence();

    /** The value for {@code index}; a constant costs no draw. */
    public double sample(Value value, long seed, long stream, long index) {
        return switch (value) {
            case Value.Constant c -> c.value();
            case Value.Uniform u -> u.low() + (u.high() - u.low()) * sequence.reset(seed, stream, index).nextUniform();
            case Value.Normal n -> n.mean() + n.sd() * sequence.reset(seed, stream, index).nextGaussian();
        };
    }
}
