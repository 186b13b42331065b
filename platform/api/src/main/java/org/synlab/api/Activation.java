package org.synlab.api;

import org.synlab.api.expr.Expr;

/** How a rate neuron turns its summed input into an output. */
public sealed interface Activation {

    /**
     * An elementwise activation {@code y = f(x)} and its derivative {@code f'(x)}, which may use both
     * {@code x} (the summed input) and {@code y} (the output), e.g. {@code y * (1 - y)} for the sigmoid.
     * A step unit's derivative is {@code 0}: it learns by a local rule, not by backpropagation.
     */
    record Elementwise(Expr function, Expr derivative) implements Activation {
        public Elementwise {
            function.requireVariables("activation", "x");
            derivative.requireVariables("activation derivative", "x", "y");
        }
    }

    /** Softmax across the units of a layer (a row operation every backend provides). */
    record Softmax() implements Activation {
    }

    /** Parses an elementwise activation from its two expressions. */
    static Activation elementwise(String function, String derivative) {
        return new Elementwise(Expr.parse(function), Expr.parse(derivative));
    }
}
