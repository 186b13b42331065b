package org.synlab.plugins.neurons.rate;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Activation;
import org.synlab.api.NeuronModel;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.RateNeuron;
import org.synlab.plugins.neurons.rate.internal.ElementwiseActivation;

/**
 * The McCulloch-Pitts (1943) threshold logic unit: it fires ({@code y = 1}) when its summed input
 * reaches the threshold, {@code x >= threshold}, and is silent otherwise. Unlike {@link StepNeuron},
 * the threshold is a fixed parameter and the comparison is inclusive, as in the original paper, so a
 * unit with weights 1, 1 and threshold 2 computes AND, and with threshold 1 computes OR. Derivative 0:
 * the unit is wired by hand or trained by a local rule, not by backpropagation.
 */
@Component(service = NeuronModel.class)
public class McCullochPittsNeuron implements RateNeuron {

    static final String THRESHOLD = "threshold";

    private static final ElementwiseActivation ACTIVATION = new ElementwiseActivation(
            "x >= threshold ? 1 : 0",
            "0");

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(THRESHOLD, 0.0, "1", null, null, "the unit fires (y = 1) when its summed input x >= threshold")
            .build();

    @Override
    public String name() {
        return "mcculloch-pitts";
    }

    @Override
    public String description() {
        return "McCulloch-Pitts threshold unit: y = 1 if x >= threshold, else 0";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation activation(Params params) {
        return ACTIVATION.bind(Map.of(THRESHOLD, params.number(THRESHOLD)));
    }
}
