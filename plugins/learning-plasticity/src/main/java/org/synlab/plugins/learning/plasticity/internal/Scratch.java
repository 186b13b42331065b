package org.synlab.plugins.learning.plasticity.internal;

import java.util.Arrays;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * A scratch tensor that follows the shape it is asked for: reallocated only when the shape changes (a last,
 * smaller batch), so a steady run allocates once.
 */
public final class Scratch {

    private final Compute compute;
    private Tensor tensor;

    public Scratch(Compute compute) {
        this.compute = compute;
    }

    /** A tensor of this shape; its contents are whatever the last user left. */
    public Tensor shaped(int... shape) {
        if (tensor == null || !Arrays.equals(tensor.shape(), shape)) {
            if (tensor != null) {
                tensor.close();
            }
            tensor = compute.zeros(shape);
        }
        return tensor;
    }
}
