package org.synlab.spiking.internal;

/**
 * Splits {@code [0, size)} into {@code parts} contiguous ranges, in index order, with every boundary a multiple of
 * {@link #ALIGN} so that vectorised kernels and four-neuron Philox blocks never straddle two threads. Later ranges
 * may be empty for small populations; earlier ones get the extra chunks, so thread 0 (the caller) is never idle.
 */
public final class Partition {

    /** Boundaries are multiples of this many neurons. */
    public static final int ALIGN = 16;

    private final int[] bounds;

    /** The partition of {@code size} neurons among {@code parts} threads. */
    public Partition(int size, int parts) {
        bounds = new int[parts + 1];
        int chunks = (size + ALIGN - 1) / ALIGN;
        for (int k = 0; k <= parts; k++) {
            bounds[k] = Math.min(size, (int) (((long) chunks * k + parts - 1) / parts) * ALIGN);
        }
        bounds[parts] = size;
    }

    /** First neuron of part {@code k}. */
    public int from(int k) {
        return bounds[k];
    }

    /** One past the last neuron of part {@code k}. */
    public int to(int k) {
        return bounds[k + 1];
    }

    /** The number of parts. */
    public int parts() {
        return bounds.length - 1;
    }
}
