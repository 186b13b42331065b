package org.synlab.engine.internal;

import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Loss;
import org.synlab.api.Params;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * A loss compiled for one run: its value over a batch, and the gradient that starts
 * backpropagation, either with respect to the output (then through the output activation) or,
 * where the loss has a fused form for the output neuron, directly with respect to its summed input.
 */
final class LossTerm {

    private final Compute compute;
    private final Loss.Reduction reduction;
    private final Kernel value;
    private final Kernel gradient;
    private final Kernel fusedGradient;
    private final Tensor scale;

    LossTerm(Compute compute, Loss loss, Params params, String outputNeuron) {
        this.compute = compute;
        this.reduction = loss.reduction();
        this.value = compute.kernel(loss.value(params).requireVariables("loss value", "p", "t"), "p", "t");
        Expr grad = loss.gradient(params).requireVariables("loss gradient", "p", "t");
        this.gradient = compute.kernel(scaled(grad), "p", "t", "s");
        Expr fused = loss.gradientThroughOutput(outputNeuron, params);
        this.fusedGradient = fused == null ? null
                : compute.kernel(scaled(fused.requireVariables("fused loss gradient", "p", "t")), "p", "t", "s");
        this.scale = compute.zeros(1);
    }

    private static Expr scaled(Expr e) {
        return new Expr.Binary(Expr.BinaryOp.MUL, e, new Expr.Var("s"));
    }

    boolean fused() {
        return fusedGradient != null;
    }

    /** The mean loss of the batch (per the loss's reduction), using {@code scratch} as workspace. */
    double value(Tensor p, Tensor t, Tensor scratch) {
        compute.apply(value, scratch, p, t);
        return compute.sum(scratch) / normaliser(p);
    }

    /**
     * Writes the gradient that starts backpropagation into {@code out}: with respect to the summed
     * input when {@link #fused()}, else with respect to the output.
     */
    void gradient(Tensor p, Tensor t, Tensor out) {
        compute.fill(scale, (float) (1.0 / normaliser(p)));
        compute.apply(fused() ? fusedGradient : gradient, out, p, t, scale);
    }

    private double normaliser(Tensor p) {
        return reduction == Loss.Reduction.MEAN ? (double) p.rows() * p.cols() : p.rows();
    }
}
