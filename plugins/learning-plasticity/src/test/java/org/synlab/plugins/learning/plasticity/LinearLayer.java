package org.synlab.plugins.learning.plasticity;

import org.synlab.api.Compute;
import org.synlab.api.LocalRule;
import org.synlab.api.Tensor;

/**
 * A layer of linear units on a real Compute, run as the engine would run a local rule: the forward pass
 * {@code y = x W}, then the rule's update. The input tensor is reused, refilled from host arrays.
 */
final class LinearLayer {

    private final Compute compute;
    final Tensor weights;
    final Tensor bias;
    private final Tensor input;
    private final Tensor output;

    LinearLayer(Compute compute, float[] initialWeights, int inputs, int units, int batch) {
        this.compute = compute;
        this.weights = compute.upload(initialWeights, inputs, units);
        this.bias = compute.zeros(units);
        this.input = compute.zeros(batch, inputs);
        this.output = compute.zeros(batch, units);
    }

    /** Forward pass over {@code x[offset ...]} (a batch, row-major), then one update; returns the outputs. */
    float[] step(LocalRule.Updater updater, float[] x, int offset) {
        compute.upload(x, offset, input);
        compute.gemm(false, false, 1f, input, weights, 0f, output);
        float[] y = compute.download(output);
        updater.update(new LocalRule.LayerActivity(input, output, null, weights, bias));
        return y;
    }

    float[] weights() {
        return compute.download(weights);
    }
}
