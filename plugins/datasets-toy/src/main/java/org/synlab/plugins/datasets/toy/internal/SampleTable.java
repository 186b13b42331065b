package org.synlab.plugins.datasets.toy.internal;

import java.util.SplittableRandom;

/**
 * Generated samples being filled row by row, before they are shuffled and cut into splits.
 */
public final class SampleTable {

    private final int features;
    private final int outputs;
    private final float[] x;
    private final float[] y;

    public SampleTable(int samples, int features, int outputs) {
        this.features = features;
        this.outputs = outputs;
        this.x = new float[Math.multiplyExact(samples, features)];
        this.y = new float[Math.multiplyExact(samples, outputs)];
    }

    public int size() {
        return x.length / features;
    }

    public int features() {
        return features;
    }

    public int outputs() {
        return outputs;
    }

    public void setInput(int sample, int feature, double value) {
        x[sample * features + feature] = (float) value;
    }

    public float input(int sample, int feature) {
        return x[sample * features + feature];
    }

    public void setTarget(int sample, int output, double value) {
        y[sample * outputs + output] = (float) value;
    }

    /** Reorders the samples (Fisher-Yates): generators that emit one class after the other need it. */
    public void shuffle(SplittableRandom random) {
        for (int i = size() - 1; i > 0; i--) {
            swap(i, random.nextInt(i + 1));
        }
    }

    /** Samples {@code [from, to)} as a split. */
    public ArraySplit rows(int from, int to) {
        float[] xs = java.util.Arrays.copyOfRange(x, from * features, to * features);
        float[] ys = java.util.Arrays.copyOfRange(y, from * outputs, to * outputs);
        return new ArraySplit(xs, ys, features, outputs);
    }

    private void swap(int a, int b) {
        swapBlocks(x, a, b, features);
        swapBlocks(y, a, b, outputs);
    }

    private static void swapBlocks(float[] data, int a, int b, int width) {
        for (int k = 0; k < width; k++) {
            float t = data[a * width + k];
            data[a * width + k] = data[b * width + k];
            data[b * width + k] = t;
        }
    }
}
