package org.synlab.plugins.learning.perceptron.internal;

import java.util.Arrays;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * One layer's perceptron updates: the error {@code target - output} into a scratch tensor, one GEMM
 * for the weights, a column sum and one kernel for the bias. Kernels are compiled once; the scratch
 * tensors are reallocated only when the batch size changes (a last, smaller batch).
 */
public final class PerceptronUpdater implements LocalRule.Updater {

    private static final Expr ERROR = Expr.parse("t - y");
    private static final Expr BIAS_UPDATE = Expr.parse("b + lr * s");

    private final Compute compute;
    private final float learningRate;
    private final Kernel error;
    private final Kernel biasUpdate;
    private Tensor errors;
    private Tensor errorSums;

    public PerceptronUpdater(Compute compute, float learningRate) {
        this.compute = compute;
        this.learningRate = learningRate;
        this.error = compute.kernel(ERROR, "t", "y");
        this.biasUpdate = compute.kernel(BIAS_UPDATE.bind(Map.of("lr", (double) learningRate)), "b", "s");
    }

    @Override
    public void update(LocalRule.LayerActivity activity) {
        if (activity.target() == null) {
            throw new IllegalArgumentException("the perceptron rule is supervised: the layer needs a target");
        }
        Tensor e = errorsShaped(activity.output().shape());
        compute.apply(error, e, activity.target(), activity.output());
        // W[inputs, units] += lr * input[batch, inputs]^T e[batch, units]
        compute.gemm(true, false, learningRate, activity.input(), e, 1f, activity.weights());
        compute.sumColumns(e, errorSums);
        compute.apply(biasUpdate, activity.bias(), activity.bias(), errorSums);
    }

    private Tensor errorsShaped(int[] shape) {
        if (errors == null || !Arrays.equals(errors.shape(), shape)) {
            if (errors != null) {
                errors.close();
                errorSums.close();
            }
            errors = compute.zeros(shape);
            errorSums = compute.zeros(errors.cols());
        }
        return errors;
    }
}
