package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * One metric's curve in memory: x (step in epochs) and y as growing primitive arrays. Bounded: when
 * it reaches its capacity it is thinned to half with {@link Downsampler}, so a run that reports for
 * days keeps its shape and its extremes in a fixed amount of memory.
 */
final class Series {

    private final int capacity;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;

    Series(int capacity) {
        if (capacity < 2 * Downsampler.MIN_POINTS) {
            throw new IllegalArgumentException("capacity " + capacity + " is too small");
        }
        this.capacity = capacity;
    }

    void add(double step, double value) {
        if (size == capacity) {
            compact(capacity / 2);
        }
        if (size == x.length) {
            int grown = Math.min(capacity, x.length * 2);
            x = Arrays.copyOf(x, grown);
            y = Arrays.copyOf(y, grown);
        }
        x[size] = step;
        y[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    private void compact(int target) {
        int[] keep = Downsampler.keep(y, size, target);
        for (int i = 0; i < keep.length; i++) {
            x[i] = x[keep[i]];
            y[i] = y[keep[i]];
        }
        size = keep.length;
    }

    /** {@code {"x": [...], "y": [...]}}, NaN written as null since JSON has no NaN. */
    JsonObject toJson() {
        JsonArray xs = new JsonArray();
        JsonArray ys = new JsonArray();
        for (int i = 0; i < size; i++) {
            xs.add(x[i]);
            ys.add(Double.isFinite(y[i]) ? y[i] : null);
        }
        return new JsonObject().put("x", xs).put("y", ys);
    }
}
