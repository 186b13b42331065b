package org.synlab.monitoring.internal;

import java.util.Arrays;

/**
 * Thins a curve for display without hiding its extremes: the points are split into equal buckets
 * by index and each bucket keeps its minimum and its maximum (in their original order), plus the
 * first and last point of the whole curve. A loss spike of one step therefore still shows after a
 * million-step history is cut down to a few thousand points; plain decimation would skip it.
 */
public final class Downsampler {

    /** Fewer points than this cannot hold the first, the last and one min/max pair. */
    static final int MIN_POINTS = 4;

    private Downsampler() {
    }

    /**
     * The indices to keep, ascending: all of them when {@code n <= maxPoints}, else at most
     * {@code maxPoints}. Values that are NaN never count as a minimum or maximum; a bucket with only
     * NaN keeps its first index, so that a gap in the curve stays a gap.
     */
    public static int[] keep(double[] y, int n, int maxPoints) {
        if (n < 0 || n > y.length) {
            throw new IllegalArgumentException("n = " + n + " for " + y.length + " values");
        }
        int limit = Math.max(MIN_POINTS, maxPoints);
        if (n <= limit) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = (limit - 2) / 2;
        int interior = n - 2;
        int[] out = new int[limit];
        int count = 0;
        out[count++] = 0;
        for (int b = 0; b < buckets; b++) {
            // bucket b covers interior indices [from, to): integer arithmetic spreads the remainder evenly
            int from = 1 + (int) ((long) b * interior / buckets);
            int to = 1 + (int) ((long) (b + 1) * interior / buckets);
            if (from >= to) {
                continue;
            }
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                double v = y[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (min < 0 || v < y[min]) {
                    min = i;
                }
                if (max < 0 || v > y[max]) {
                    max = i;
                }
            }
            if (min < 0) {
                out[count++] = from;
            } else if (min == max) {
                out[count++] = min;
            } else {
                out[count++] = Math.min(min, max);
                out[count++] = Math.max(min, max);
            }
        }
        out[count++] = n - 1;
        return Arrays.copyOf(out, count);
    }
}
