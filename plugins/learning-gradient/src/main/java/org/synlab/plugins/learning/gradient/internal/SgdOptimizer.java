package org.synlab.plugins.learning.gradient.internal;

import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.expr.Expr;

/** Plain gradient descent, {@code w -= lr * (g + l2 * w)}, in place, one kernel call per parameter. */
public final class SgdOptimizer implements GradientRule.Optimizer {

    private static final Expr UPDATE = Expr.parse("w - lr * (g + l2 * w)");

    private final Compute compute;
    private final WeightOrBias update;
    private final ScalarInput learningRate;

    public SgdOptimizer(Compute compute, double l2) {
        this.compute = compute;
        this.update = WeightOrBias.compile(compute, UPDATE, "l2", l2, Map.of(), "w", "g", "lr");
        this.learningRate = new ScalarInput(compute);
    }

    @Override
    public void step(List<GradientRule.Parameter> parameters, float lr, long step) {
        learningRate.set(lr);
        for (GradientRule.Parameter p : parameters) {
            compute.apply(update.of(p), p.value(), p.value(), p.gradient(), learningRate.tensor());
        }
    }
}
