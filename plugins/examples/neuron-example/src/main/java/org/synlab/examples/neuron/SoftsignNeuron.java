package org.synlab.examples.neuron;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;

/**
 * The softsign neuron, {@code y = x / (1 + |x|)}: an S-shaped curve like tanh, but its tails
 * approach -1 and 1 polynomially rather than exponentially, so it saturates more gently.
 *
 * <p>This one class is a complete Synlab plugin. Line by line:
 * <ul>
 *   <li>{@code @Component(service = NeuronModel.class)} publishes the class as an OSGi service of kind
 *       "neuron model". When the jar lands in {@code bundles/}, Synlab finds it by that service and
 *       creates one instance with the no-argument constructor.</li>
 *   <li>{@link #name()} is what an experiment file writes: {@code neuron: softsign}.</li>
 *   <li>{@link #description()} is the line {@code synlab plugins} prints.</li>
 *   <li>{@link #activation(Params)} says what the neuron computes, as two expressions in the summed
 *       input {@code x}: the output, and its derivative, which backpropagation needs. The derivative
 *       may also read the output {@code y}. You write no loops and no float arrays: every backend
 *       (CPU, GPU) compiles the expressions itself.</li>
 * </ul>
 * Softsign has no parameters, so it keeps the default, empty {@code parameters()} schema; a neuron
 * with parameters declares them there and binds them into its expressions with {@code Expr.bind}.
 */
@Component(service = NeuronModel.class)
public class SoftsignNeuron implements RateNeuron {

    // parsed once: expressions are immutable, so every run can share them
    private static final Activation SOFTSIGN = Activation.elementwise(
            "x / (1 + abs(x))",         // y
            "1 / ((1 + abs(x)) ^ 2)");  // dy/dx

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String description() {
        return "Softsign y = x / (1 + |x|): an S-curve like tanh with gentler, polynomial tails";
    }

    @Override
    public Activation activation(Params params) {
        return SOFTSIGN;
    }
}
