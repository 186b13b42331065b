package org.synlab.plugins.neurons.rate;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;

/**
 * Softmax across the units of a layer, {@code y_i = exp(x_i) / sum_j exp(x_j)}: outputs are positive
 * and sum to 1, a probability over classes. Not elementwise, so it is declared as
 * {@link Activation.Softmax} and every backend runs its own numerically stable row operation. Use it
 * on the output layer with {@code categorical-cross-entropy}, whose gradient through softmax is
 * simply {@code p - t}.
 */
@Component(service = NeuronModel.class)
public class SoftmaxNeuron implements RateNeuron {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String description() {
        return "Softmax across a layer's units: positive outputs that sum to 1";
    }

    @Override
    public Activation activation(Params params) {
        return new Activation.Softmax();
    }
}
