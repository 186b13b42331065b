package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/** Shape arithmetic, and how shapes read in error messages. */
final class Shapes {

    /** The largest float[] the JVM reliably allocates. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Shapes() {
    }

    /** Number of elements, rejecting negative dimensions and tensors too large for one array. */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + format(shape) + " has more than " + MAX_ELEMENTS
                        + " elements, the most one cpu tensor holds");
            }
        }
        return (int) n;
    }

    static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
