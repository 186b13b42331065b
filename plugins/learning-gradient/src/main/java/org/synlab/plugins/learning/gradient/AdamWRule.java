package org.synlab.plugins.learning.gradient;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.gradient.internal.AdamOptimizer;
import org.synlab.plugins.learning.gradient.internal.AdamSettings;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay. The decay is not part of the
 * gradient, so Adam's per-parameter scaling does not weaken it: each step shrinks weights by
 * {@code w -= lr * weight_decay * w} and then takes the Adam step. Biases are not decayed.
 */
@Component(service = LearningRule.class)
public class AdamWRule implements GradientRule {

    static final String LR = "lr";
    static final String WEIGHT_DECAY = "weight_decay";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(LR, 0.001, "1", 0.0, null, "learning rate")
            .build()
            .with(AdamSettings.MOMENT_PARAMETERS)
            .with(ParamSchema.builder()
                    .number(WEIGHT_DECAY, 0.01, "1", 0.0, null, "decoupled decay: w -= lr * weight_decay * w each step, weights only")
                    .build());

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public String description() {
        return "AdamW: Adam with decoupled weight decay (Loshchilov and Hutter)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optimizer optimizer(Compute compute, Params params) {
        return new AdamOptimizer(compute, AdamSettings.from(params, 0, params.number(WEIGHT_DECAY)));
    }
}
