package org.synlab.plugins.learning.gradient.internal;

import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * A {@code [1]}-shaped tensor that feeds a kernel a number that changes every step (learning rate,
 * bias corrections). Kernels broadcast it to every element, so they are compiled once per run instead
 * of once per value.
 */
public final class ScalarInput {

    private final Compute compute;
    private final Tensor tensor;
    private final float[] staging = new float[1];

    public ScalarInput(Compute compute) {
        this.compute = compute;
        this.tensor = compute.zeros(1);
    }

    /** Sets the value and returns the tensor, ready to pass to {@code Compute.apply}. */
    public Tensor set(double value) {
        staging[0] = (float) value;
        compute.upload(staging, 0, tensor);
        return tensor;
    }

    public Tensor tensor() {
        return tensor;
    }
}
