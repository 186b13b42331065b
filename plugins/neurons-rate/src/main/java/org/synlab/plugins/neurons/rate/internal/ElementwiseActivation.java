package org.synlab.plugins.neurons.rate.internal;

import java.util.Map;
import org.synlab.api.Activation;
import org.synlab.api.expr.Expr;

/**
 * An elementwise activation parsed once from its two expressions, with the neuron's parameters
 * bound per run: parsing at class load makes a typo fail the bundle's first test, not a user's run.
 */
public final class ElementwiseActivation {

    private final Expr function;
    private final Expr derivative;

    public ElementwiseActivation(String function, String derivative) {
        this.function = Expr.parse(function);
        this.derivative = Expr.parse(derivative);
    }

    /** The activation with no parameters to bind. */
    public Activation unbound() {
        return new Activation.Elementwise(function, derivative);
    }

    /** The activation with {@code constants} (the neuron's parameters) substituted. */
    public Activation bind(Map<String, Double> constants) {
        return new Activation.Elementwise(function.bind(constants), derivative.bind(constants));
    }
}
