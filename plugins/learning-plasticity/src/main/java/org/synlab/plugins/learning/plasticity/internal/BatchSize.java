package org.synlab.plugins.learning.plasticity.internal;

import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * The batch size as a one-element tensor, for kernels that average over a batch; uploaded again only when the
 * size changes. Rate rules average over the batch, so the learning rate is per sample whatever the batch size.
 */
public final class BatchSize {

    private final Compute compute;
    private final Tensor value;
    private int current = -1;

    public BatchSize(Compute compute) {
        this.compute = compute;
        this.value = compute.zeros(1);
    }

    /** The tensor holding {@code batch}. */
    public Tensor of(int batch) {
        if (batch != current) {
            compute.fill(value, batch);
            current = batch;
        }
        return value;
    }
}
