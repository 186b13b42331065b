package org.synlab.plugins.datasets.toy.internal;

import org.synlab.api.Dataset;

/**
 * A split held in two row-major host arrays: sample {@code i} is {@code x[i*features...]} with target
 * {@code y[i*outputs...]}. Toy data is small, so keeping it all in memory is the simple choice.
 * Unlabelled data has no outputs: {@code y} is empty and a read copies nothing into the target array.
 */
public record ArraySplit(float[] x, float[] y, int features, int outputs) implements Dataset.Split {

    public ArraySplit {
        if (features < 1 || outputs < 0 || x.length % features != 0
                || y.length != x.length / features * outputs) {
            throw new IllegalArgumentException("inconsistent split: " + x.length + " inputs of " + features
                    + " features, " + y.length + " targets of " + outputs + " outputs");
        }
    }

    @Override
    public int size() {
        return x.length / features;
    }

    @Override
    public void read(int index, float[] xOut, int xOffset, float[] yOut, int yOffset) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("sample " + index + " of a split of " + size());
        }
        System.arraycopy(x, index * features, xOut, xOffset, features);
        System.arraycopy(y, index * outputs, yOut, yOffset, outputs);
    }
}
