package org.synlab.api;

import java.util.Map;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.SpikingModel;

/**
 * A spiking neuron, declared by its equations (see {@link SpikingModel}) so that every backend can
 * run it without plugin code of its own. Register it as a DS component with
 * {@code service = NeuronModel.class}, like a {@link RateNeuron}.
 */
public interface SpikingNeuron extends NeuronModel {

    /** The model: equations, threshold, reset, refractory period, parameters with units and defaults. */
    SpikingModel model();

    /** The model's parameters in their units, and the integration {@code method}. */
    @Override
    default ParamSchema parameters() {
        return model().schema();
    }

    /**
     * The model ready to run with these parameter values (numbers in each parameter's unit, or
     * quantity strings such as {@code "20 ms"}; the key {@code method} picks the integration method).
     *
     * @throws ParameterException naming an unknown key or a value of the wrong unit
     */
    default NeuronProgram program(Map<String, ?> params) {
        return model().program(params);
    }
}
