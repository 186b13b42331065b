package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * op(B) (k x n) rearranged into slivers of {@code width} columns: sliver s holds, for p = 0 .. k-1,
 * the {@code width} floats B[p][s*width ...], so the micro-kernel reads B with unit stride and one
 * vector load per step. Transposing happens here. Columns past n are zero. The array is kept and
 * reused by the next product that fits, so a training step packs without allocating.
 */
final class PackedB {

    private float[] data = new float[0];

    /** The packed array; valid after {@link #reserve} and the packing of every sliver. */
    float[] data() {
        return data;
    }

    /** Makes room for {@code slivers * k * width} floats (grows only, never shrinks). */
    void reserve(int slivers, int k, int width) {
        long need = (long) slivers * k * width;
        if (need > Shapes.MAX_ELEMENTS) {
            throw new IllegalArgumentException("gemm: packed B would need " + need + " floats");
        }
        if (data.length < need) {
            data = new float[(int) need];
        }
    }

    /**
     * Packs sliver {@code s} of op(B), where B is row-major with {@code transposed ? n x k : k x n}.
     * Each sliver is written by one call, so slivers can be packed on different threads.
     */
    void pack(float[] b, boolean transposed, int k, int n, int width, int s) {
        int j0 = s * width;
        int w = Math.min(width, n - j0);
        int base = s * k * width;
        if (transposed) {
            for (int jj = 0; jj < w; jj++) {
                int src = (j0 + jj) * k;
                for (int p = 0, dst = base + jj; p < k; p++, dst += width) {
                    data[dst] = b[src + p];
                }
            }
            if (w < width) {
                for (int p = 0; p < k; p++) {
                    Arrays.fill(data, base + p * width + w, base + (p + 1) * width, 0f);
                }
            }
        } else {
            for (int p = 0; p < k; p++) {
                int dst = base + p * width;
                System.arraycopy(b, p * n + j0, data, dst, w);
                if (w < width) {
                    Arrays.fill(data, dst + w, dst + width, 0f);
                }
            }
        }
    }
}
