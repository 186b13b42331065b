package org.synlab.plugins.learning.gradient;

import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.Tensor;

/**
 * A weight matrix and a bias vector on a real Compute, stepped by an optimiser with gradients the test
 * chooses, so the tensors can be compared with the update formulas worked out in double.
 */
final class OptimizerHarness {

    final Compute compute;
    final Tensor weight;
    final Tensor weightGradient;
    final Tensor bias;
    final Tensor biasGradient;
    final GradientRule.Optimizer optimizer;
    private long step;

    OptimizerHarness(Compute compute, GradientRule rule, Map<String, ?> params, float[] weight, float[] bias) {
        this.compute = compute;
        this.weight = compute.upload(weight, 2, weight.length / 2);
        this.weightGradient = compute.zeros(2, weight.length / 2);
        this.bias = compute.upload(bias, bias.length);
        this.biasGradient = compute.zeros(bias.length);
        this.optimizer = rule.optimizer(compute, rule.parameters().validate(params));
    }

    /** One step with these gradients; returns {weights, bias} after it. */
    float[][] step(float lr, float[] weightGradient, float[] biasGradient) {
        compute.upload(weightGradient, 0, this.weightGradient);
        compute.upload(biasGradient, 0, this.biasGradient);
        optimizer.step(List.of(
                new GradientRule.Parameter("layer.weight", weight, this.weightGradient, true),
                new GradientRule.Parameter("layer.bias", bias, this.biasGradient, false)), lr, ++step);
        return new float[][] {compute.download(weight), compute.download(bias)};
    }
}
