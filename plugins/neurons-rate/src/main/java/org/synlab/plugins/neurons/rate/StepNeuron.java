package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * Rosenblatt's (1958) perceptron unit: {@code y = 1} when the summed input is positive, else 0.
 * The threshold is the layer's bias (a unit fires when {@code w·x + b > 0}). Its derivative is 0
 * everywhere it exists, so it cannot be trained by backpropagation: pair it with the
 * {@code perceptron} local rule.
 */
@Component(service = NeuronModel.class)
public class StepNeuron implements RateNeuron {

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x > 0 ? 1 : 0",
            "0");

    @Override
    public String name() {
        return "step";
    }

    @Override
    public String description() {
        return "Rosenblatt's step unit: y = 1 if x > 0, else 0 (learns by the perceptron rule)";
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.unbound();
    }
}
