package org.synlab.plugins.learning.gradient.internal;

import java.util.List;
import java.util.Map;
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
    private final WeightOrBias firstMoment;
    private final WeightOrBias secondMoment;
    private final WeightOrBias update;
    private final ScalarInput learningRate;
    private final ScalarInput stepSize;
    private final ScalarInput vCorrection;
    private final StateTensors state;

    public AdamOptimizer(Compute compute, AdamSettings settings) {
        this.compute = compute;
        this.beta1 = settings.beta1();
        this.beta2 = settings.beta2();
        this.firstMoment = WeightOrBias.compile(compute, FIRST_MOMENT, "l2", settings.l2(),
                Map.of("beta1", beta1), "m", "g", "w");
        this.secondMoment = WeightOrBias.compile(compute, SECOND_MOMENT, "l2", settings.l2(),
                Map.of("beta2", beta2), "v", "g", "w");
        this.update = WeightOrBias.compile(compute, UPDATE, "weight_decay", settings.weightDecay(),
                Map.of("epsilon", settings.epsilon()), "w", "m", "v", "lr", "step_size", "v_correction");
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
        Tensor lrTensor = learningRate.set(lr);
        Tensor stepSizeTensor = stepSize.set(lr / (1 - Math.pow(beta1, step)));
        Tensor vCorrectionTensor = vCorrection.set(1 / (1 - Math.pow(beta2, step)));
        for (GradientRule.Parameter p : parameters) {
            Tensor[] moments = state.of(p);
            Tensor m = moments[0];
            Tensor v = moments[1];
            // both moments read the old w for L2; the update reads the new moments
            compute.apply(firstMoment.of(p), m, m, p.gradient(), p.value());
            compute.apply(secondMoment.of(p), v, v, p.gradient(), p.value());
            compute.apply(update.of(p), p.value(), p.value(), m, v, lrTensor, stepSizeTensor, vCorrectionTensor);
        }
    }
}
