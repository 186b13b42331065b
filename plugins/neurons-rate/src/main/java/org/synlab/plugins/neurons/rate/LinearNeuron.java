package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The identity {@code y = x}: the output of a regression network, and with one layer a linear model
 * (ADALINE, least squares).
 */
@Component(service = NeuronModel.class)
public class LinearNeuron implements RateNeuron {

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x",
            "1");

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "Identity y = x, for regression outputs and linear models";
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.unbound();
    }
}
