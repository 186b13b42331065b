package org.synlab.api.eqs;

import java.util.Objects;
import org.synlab.api.expr.Expr;

/**
 * One statement of a {@link NeuronProgram}: {@code target = value}, run in order for each neuron.
 *
 * @param target a {@link Variable} of the program, or a local when {@code local}
 * @param value  reads variables of the program, locals assigned earlier in the same list, {@code t}
 *               and {@code dt} (seconds)
 * @param local  a temporary of this neuron and this step (named {@code _...}), not stored
 */
public record Assignment(String target, Expr value, boolean local) {

    public Assignment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return (local ? "local " : "") + target + " = " + value;
    }
}
