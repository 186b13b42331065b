package org.synlab.plugins.learning.gradient.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Adam (Kingma and Ba 2015) with optional coupled L2 and decoupled weight decay (AdamW, Loshchilov
 * and Hutter 2019). With {@code g' = g + l2 * w} and step {@code t}:
 * <pre>
 *   m = beta1 * m + (1 - beta1) * g'
 *   v = beta2 * v + (1 - beta2) * g'^2
 *   w = w - lr * weight_decay * w - lr * m_hat / (sqrt(v_hat) + epsilon)
 *   with m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t)
 * </pre>
 * The bias corrections change every step, so they reach the kernel as scalar tensors:
 * {@code step_size = lr / (1 - beta1^t)} and {@code v_correction = 1 / (1 - beta2^t)}, computed in
 * double on the host. L2 and weight decay apply to weights only.
 */
public final class AdamOptimizer implements GradientRule.Optimizer {

    private static final Expr FIRST_MOMENT = Expr.parse("beta1 * m + (1 - beta1) * (g + l2 * w)");
    private static final Expr SECOND_MOMENT = Expr.parse("beta2 * v + (1 - beta2) * (g + l2 * w) * (g + l2 * w)");
    private static final Expr UPDATE = Expr.parse(
            "w - lr * weight_decay * w - step_size * m / (sqrt(v * v_correction) + epsilon)");

    private final Compute compute;
    private final double beta1;
    private final double beta2;
    /** m, v and w in one pass over memory: the update reads the new moments. */
    private final WeightOrBias updates;
    private final ScalarInput learningRate;
    private final ScalarInput stepSize;
    private final ScalarInput vCorrection;
    private final StateTensors state;
    /** Each parameter's operands, by name: built once, so that a step allocates no arrays and stores into none. */
    private final Map<String, Operands> operands = new HashMap<>();

    public AdamOptimizer(Compute compute, AdamSettings settings) {
        this.compute = compute;
        this.beta1 = settings.beta1();
        this.beta2 = settings.beta2();
        SequencedMap<String, Expr> steps = new LinkedHashMap<>();
        steps.put("m", FIRST_MOMENT);
        steps.put("v", SECOND_MOMENT);
        steps.put("w", UPDATE);
        this.updates = WeightOrBias.compileUpdates(compute, steps,
                Map.of("l2", settings.l2(), "weight_decay", settings.weightDecay()),
                Map.of("beta1", beta1, "beta2", beta2, "epsilon", settings.epsilon()),
                "m", "v", "g", "w", "lr", "step_size", "v_correction");
        this.learningRate = new ScalarInput(compute);
        this.stepSize = new ScalarInput(compute);
        this.vCorrection = new ScalarInput(compute);
        this.state = new StateTensors(compute, 2);
    }

    @Override
    public void step(List<GradientRule.Parameter> parameters, float lr, long step) {
        if (step < 1) {
            throw new IllegalArgumentException("Adam's bias correction counts steps from 1, got step " + step);
        }
        learningRate.set(lr);
        stepSize.set(lr / (1 - Math.pow(beta1, step)));
        vCorrection.set(1 / (1 - Math.pow(beta2, step)));
        for (GradientRule.Parameter p : parameters) {
            Operands o = operands.get(p.name());
            if (o == null || !o.of(p)) {
                o = operands(p);
                operands.put(p.name(), o);
            }
            compute.apply(updates.of(p), o.outputs, o.inputs);
        }
    }

    /**
     * One pass: both moments read the old w for L2; the update reads the new moments. The scalars are the same
     * tensors every step, set before the pass.
     */
    private Operands operands(GradientRule.Parameter p) {
        Tensor[] moments = state.of(p);
        return new Operands(p.value(), p.gradient(),
                new Tensor[] {moments[0], moments[1], p.value()},
                new Tensor[] {moments[0], moments[1], p.gradient(), p.value(), learningRate.tensor(),
                        stepSize.tensor(), vCorrection.tensor()});
    }

    /**
     * The arrays a parameter's update is applied with. Why not one pair of arrays refilled every step: on JDK 25
     * each store into an array of an interface type ({@code Tensor[]}) failed C2's speculative array check
     * once, and each failure cost a recompile of {@link #step} (measured in MNIST's training loop: 11
     * deoptimisations and recompiles of 20 ms each).
     */
    private record Operands(Tensor value, Tensor gradient, Tensor[] outputs, Tensor[] inputs) {
        /** Whether these are still {@code p}'s tensors (a parameter keeps them for a run, but its name is the key). */
        boolean of(GradientRule.Parameter p) {
            return value == p.value() && gradient == p.gradient();
        }
    }
}
