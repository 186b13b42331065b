package org.synlab.engine.internal;

/**
 * A float32 tensor held on the host under a name, as it is stored in a checkpoint file.
 *
 * @param name   e.g. {@code layer1.weight}
 * @param shape  dimensions, outermost first
 * @param values row-major values, as many as the shape's product
 */
public record NamedTensor(String name, int[] shape, float[] values) {
    public NamedTensor {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(name + ": shape " + java.util.Arrays.toString(shape) + " holds " + size
                    + " values, got " + values.length);
        }
    }
}
