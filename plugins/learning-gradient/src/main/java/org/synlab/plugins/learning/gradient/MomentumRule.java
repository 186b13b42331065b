package org.synlab.plugins.learning.gradient;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.gradient.internal.MomentumOptimizer;

/**
 * Gradient descent with momentum, in PyTorch's form: {@code v = momentum * v + g + l2 * w}, then
 * {@code w -= lr * v}; with {@code nesterov}, {@code w -= lr * (g + l2 * w + momentum * v)}. The
 * velocity starts at zero for each parameter. L2 applies to weights only.
 */
@Component(service = LearningRule.class)
public class MomentumRule implements GradientRule {

    static final String LR = "lr";
    static final String MOMENTUM = "momentum";
    static final String NESTEROV = "nesterov";
    static final String L2 = "l2";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(LR, 0.01, "1", 0.0, null, "learning rate")
            .number(MOMENTUM, 0.9, "1", 0.0, 1.0, "fraction of the velocity kept from one step to the next")
            .flag(NESTEROV, false, "use Nesterov's look-ahead gradient")
            .number(L2, 0.0, "1", 0.0, null, "coupled L2 penalty: l2 * w is added to the gradient of each weight (not biases)")
            .build();

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public String description() {
        return "Gradient descent with (optionally Nesterov) momentum";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optimizer optimizer(Compute compute, Params params) {
        return new MomentumOptimizer(compute, params.number(MOMENTUM), params.flag(NESTEROV), params.number(L2));
    }
}
