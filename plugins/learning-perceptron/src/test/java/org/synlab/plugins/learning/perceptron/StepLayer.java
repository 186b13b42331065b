package org.synlab.plugins.learning.perceptron;

import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * A single layer of step units on a real Compute, as the engine would run it for the perceptron: the
 * forward pass {@code y = step(x W + b)}, then the rule's update with the targets.
 */
final class StepLayer {

    private final Compute compute;
    private final Kernel addBiasAndStep;
    final Tensor weights;
    final Tensor bias;
    private final Tensor summed;
    final Tensor output;

    StepLayer(Compute compute, int inputs, int units, int batch) {
        this.compute = compute;
        this.addBiasAndStep = compute.kernel(Expr.parse("z + b > 0 ? 1 : 0"), "z", "b");
        this.weights = compute.zeros(inputs, units);
        this.bias = compute.zeros(units);
        this.summed = compute.zeros(batch, units);
        this.output = compute.zeros(batch, units);
    }

    Tensor forward(Tensor input) {
        compute.gemm(false, false, 1f, input, weights, 0f, summed);
        compute.apply(addBiasAndStep, output, summed, bias);
        return output;
    }

    /** One epoch: a forward pass over the whole batch, then one update; returns the fraction correct before it. */
    double epoch(LocalRule.Updater updater, Tensor input, Tensor target) {
        forward(input);
        float[] y = compute.download(output);
        float[] t = compute.download(target);
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            correct += y[i] == t[i] ? 1 : 0;
        }
        updater.update(new LocalRule.LayerActivity(input, output, target, weights, bias));
        return (double) correct / y.length;
    }
}
