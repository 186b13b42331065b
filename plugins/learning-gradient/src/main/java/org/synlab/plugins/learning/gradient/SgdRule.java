package org.synlab.plugins.learning.gradient;

import org.osgi.service.component.annotations.Component;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.LearningRule;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.learning.gradient.internal.SgdOptimizer;

/**
 * Stochastic gradient descent: {@code w -= lr * (g + l2 * w)}. The L2 term is coupled (added to the
 * gradient, the derivative of {@code l2/2 * |w|^2} in the loss, as PyTorch's {@code weight_decay}) and
 * applies to weights only, never to biases. The engine passes the learning rate of each step, which
 * is {@code lr} unless a schedule changes it.
 */
@Component(service = LearningRule.class)
public class SgdRule implements GradientRule {

    static final String LR = "lr";
    static final String L2 = "l2";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .number(LR, 0.01, "1", 0.0, null, "learning rate: step size along the negative gradient")
            .number(L2, 0.0, "1", 0.0, null, "coupled L2 penalty: l2 * w is added to the gradient of each weight (not biases)")
            .build();

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "Stochastic gradient descent w -= lr * (g + l2 * w)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optimizer optimizer(Compute compute, Params params) {
        return new SgdOptimizer(compute, params.number(L2));
    }
}
