package org.synlab.api.eqs;

import java.util.Objects;

/**
 * A per-neuron value of a {@link NeuronProgram}: one array per population on a backend.
 *
 * @param name      as in the equations; internal variables start with {@code _}
 * @param dimension its unit; the value is stored in SI
 * @param kind      whether an equation drives it
 * @param initial   the start value (SI) unless the population sets another
 */
public record Variable(String name, Dimension dimension, Kind kind, double initial) {

    /** What drives a variable. */
    public enum Kind {
        /** Has a differential equation; synapses add to these ({@code ge += w}). */
        STATE,
        /**
         * Declared without an equation ({@code I : amp}): constant unless the reset, a stimulus or
         * the population writes it; per-neuron parameters and input currents are of this kind.
         */
        PARAMETER,
        /** Kept by the generated statements themselves, such as the refractory countdown. */
        INTERNAL
    }

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(kind, "kind");
    }
}
