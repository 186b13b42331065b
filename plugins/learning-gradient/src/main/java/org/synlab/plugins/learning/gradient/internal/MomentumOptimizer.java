package org.synlab.plugins.learning.gradient.internal;

import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Heavy-ball momentum in PyTorch's form (no dampening): with {@code g' = g + l2 * w},
 * {@code v = momentum * v + g'}, then {@code w -= lr * v}, or with Nesterov's look-ahead
 * {@code w -= lr * (g' + momentum * v)} (Sutskever et al. 2013, as PyTorch writes it). Keeping the
 * learning rate out of the velocity means a learning-rate schedule acts on the next step at once.
 */
public final class MomentumOptimizer implements GradientRule.Optimizer {

    private static final Expr VELOCITY = Expr.parse("momentum * v + g + l2 * w");
    private static final Expr PLAIN = Expr.parse("w - lr * v");
    private static final Expr NESTEROV = Expr.parse("w - lr * (g + l2 * w + momentum * v)");

    private final Compute compute;
    private final WeightOrBias velocity;
    private final WeightOrBias update;
    private final ScalarInput learningRate;
    private final StateTensors state;

    public MomentumOptimizer(Compute compute, double momentum, boolean nesterov, double l2) {
        this.compute = compute;
        Map<String, Double> constants = Map.of("momentum", momentum);
        this.velocity = WeightOrBias.compile(compute, VELOCITY, "l2", l2, constants, "v", "g", "w");
        // both forms take the same inputs (the plain one ignores g) so that step() needs no branch
        this.update = WeightOrBias.compile(compute, nesterov ? NESTEROV : PLAIN, "l2", l2, constants, "w", "g", "v", "lr");
        this.learningRate = new ScalarInput(compute);
        this.state = new StateTensors(compute, 1);
    }

    @Override
    public void step(List<GradientRule.Parameter> parameters, float lr, long step) {
        Tensor lrTensor = learningRate.set(lr);
        for (GradientRule.Parameter p : parameters) {
            Tensor v = state.of(p)[0];
            // the velocity first: it reads the old w for L2, and the update then reads the new v
            compute.apply(velocity.of(p), v, v, p.gradient(), p.value());
            compute.apply(update.of(p), p.value(), p.value(), p.gradient(), v, lrTensor);
        }
    }
}
