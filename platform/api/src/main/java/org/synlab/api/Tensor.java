package org.synlab.api;

/**
 * A handle to a float32 array owned by a {@link Compute} (host memory for the CPU backend, device
 * memory for a GPU backend). Row-major. Plugins pass handles to {@link Compute} operations and never
 * see the memory; {@link Compute#download} copies values out where the host needs them.
 */
public interface Tensor extends AutoCloseable {

    /** Dimensions, outermost first: {@code [rows, cols]} for a matrix, {@code [n]} for a vector. */
    int[] shape();

    /** Number of elements. */
    long size();

    /** First dimension (1 for a scalar). */
    default int rows() {
        int[] s = shape();
        return s.length == 0 ? 1 : s[0];
    }

    /** Product of all dimensions but the first (the row length of a matrix). */
    default int cols() {
        int[] s = shape();
        int c = 1;
        for (int i = 1; i < s.length; i++) {
            c *= s[i];
        }
        return s.length == 1 ? s[0] : c;
    }

    /** Frees the memory; the handle must not be used afterwards. Closing twice is harmless. */
    @Override
    void close();
}
