package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The rectified linear unit {@code y = max(0, x)} (Nair and Hinton 2010). Its derivative at exactly
 * 0 is taken as 0, as in PyTorch and TensorFlow.
 */
@Component(service = NeuronModel.class)
public class ReluNeuron implements RateNeuron {

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x > 0 ? x : 0",
            "x > 0 ? 1 : 0");

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "Rectified linear unit y = max(0, x)";
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.unbound();
    }
}
