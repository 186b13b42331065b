package org.synlab.plugins.learning.plasticity;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.api.plasticity.Synapses;
import org.synlab.plugins.learning.plasticity.internal.NormalisationOnly;

/**
 * Normalisation of incoming weights: before each pattern, every postsynaptic neuron's incoming weights are scaled
 * by one factor so that they sum to {@code total}, keeping their ratios: {@code w_ij <- w_ij total / sum_i w_ij}.
 * Diehl and Cook (2015) do this before each image with {@code total = 78} for 784 inputs (a mean weight of 0.1).
 * Spikes change nothing. The same normalisation is an option of {@code stdp} ({@code normalise_total}).
 */
@Component(service = LearningRule.class)
public class NormalisationRule implements SpikingRule {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number("total", null, "weight", 0.0, null, "what each neuron's incoming weights sum to after normalising")
            .build();

    @Override
    public String name() {
        return "normalisation";
    }

    @Override
    public String description() {
        return "Scales each neuron's incoming weights to a fixed sum before each pattern (Diehl and Cook 2015)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Plasticity attach(Synapses synapses, Params params, double dt) {
        return new NormalisationOnly(synapses, params.number("total"));
    }
}
