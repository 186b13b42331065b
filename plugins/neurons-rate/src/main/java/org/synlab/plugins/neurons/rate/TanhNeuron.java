package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The hyperbolic tangent, output in (-1, 1), zero-centred. Derivative {@code 1 - y^2}, written
 * {@code 1 - y * y} so that no backend needs a general power for it.
 */
@Component(service = NeuronModel.class)
public class TanhNeuron implements RateNeuron {

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "tanh(x)",
            "1 - y * y");

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "Hyperbolic tangent y = tanh(x), output in (-1, 1)";
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.unbound();
    }
}
