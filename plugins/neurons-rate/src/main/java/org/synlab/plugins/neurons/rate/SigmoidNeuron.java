package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The logistic sigmoid {@code y = 1 / (1 + e^-x)}, output in (0, 1): a firing probability, and the
 * natural output for binary targets with {@code binary-cross-entropy}. Derivative {@code y (1 - y)}.
 *
 * <p>Written in two branches so that {@code exp} only ever sees a non-positive argument and never
 * overflows: the textbook form needs {@code exp(-x)}, which is infinite in float32 once {@code -x}
 * passes about 88, and then relies on {@code 1 / (1 + inf) = 0}, a rule that fast-math GPU code and
 * approximate {@code exp} implementations do not all keep.
 */
@Component(service = NeuronModel.class)
public class SigmoidNeuron implements RateNeuron {

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))",
            "y * (1 - y)");

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "Logistic sigmoid y = 1 / (1 + exp(-x)), output in (0, 1)";
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.unbound();
    }
}
