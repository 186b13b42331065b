package org.synlab.plugins.neurons.rate;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The leaky rectified linear unit {@code y = x} for {@code x > 0}, {@code alpha * x} otherwise (Maas,
 * Hannun and Ng 2013): the small slope keeps a gradient flowing through units that would be dead under
 * a plain ReLU. {@code alpha} must be below 1 (at 1 the unit is linear).
 */
@Component(service = NeuronModel.class)
public class LeakyReluNeuron implements RateNeuron {

    static final String ALPHA = "alpha";

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x > 0 ? x : alpha * x",
            "x > 0 ? 1 : alpha");

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(ALPHA, 0.01, "1", 0.0, 1.0, "slope for negative inputs, in [0, 1) (1 excluded)")
            .build();

    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public String description() {
        return "Leaky ReLU: y = x if x > 0, else alpha * x";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation activation(Params params) {
        double alpha = params.number(ALPHA);
        // the schema's bounds are inclusive; the open end of [0, 1) is checked here
        if (alpha >= 1) {
            throw new ParameterException(ALPHA, "parameter 'alpha' must be a number in [0, 1), got " + alpha);
        }
        return ACTIVATION.bind(Map.of(ALPHA, alpha));
    }
}
