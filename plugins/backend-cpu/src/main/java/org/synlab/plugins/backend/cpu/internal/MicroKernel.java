package org.synlab.plugins.backend.cpu.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The innermost loops of {@link Gemm}: a tile of {@link #ROWS} rows of c updated from a packed sliver
 * of B, accumulators in registers. For every element the work is one fused multiply-add chain over
 * p = 0, 1, ... followed by {@code c = acc * alpha + c}, whatever the tile's size or position, so the
 * tiling never changes a result.
 *
 * <p>A is read in place: element (r, p) of the tile is {@code a[a0 + r * rowStride + p * colStride]},
 * which covers A and its transpose without packing. A tile with fewer than {@link #ROWS} valid rows
 * repeats its last valid row in the missing ones (reads stay in bounds, the extra results are never
 * stored).
 */
final class MicroKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int LANES = SPECIES.length();
    /** Rows of c per tile: eight independent chains per B vector hide the FMA latency. */
    static final int ROWS = 8;
    /** Columns of a wide tile (two vectors: sixteen accumulators in registers). */
    static final int WIDE = 2 * LANES;
    /** Columns of a narrow tile (one vector), used when c has at most {@link #LANES} columns. */
    static final int NARROW = LANES;
    /** Floats of the scratch tile an edge tile is parked in ({@link #ROWS} x {@link #WIDE}). */
    static final int EDGE_FLOATS = ROWS * WIDE;

    private MicroKernel() {
    }

    /**
     * c[0..rows)[0..cols) += alpha * (A tile · B sliver) over kc steps; the sliver holds {@link #WIDE}
     * floats per step.
     */
    static void wide(float[] a, int a0, int rowStride, int colStride, int rows, int kc, float[] b, int b0,
                     float[] c, int c0, int ldc, int cols, float alpha, float[] edge) {
        int last = rows - 1;
        int r0 = a0;
        int r1 = a0 + Math.min(1, last) * rowStride;
        int r2 = a0 + Math.min(2, last) * rowStride;
        int r3 = a0 + Math.min(3, last) * rowStride;
        int r4 = a0 + Math.min(4, last) * rowStride;
        int r5 = a0 + Math.min(5, last) * rowStride;
        int r6 = a0 + Math.min(6, last) * rowStride;
        int r7 = a0 + Math.min(7, last) * rowStride;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
        FloatVector c40 = zero, c41 = zero, c50 = zero, c51 = zero, c60 = zero, c61 = zero, c70 = zero, c71 = zero;
        int bi = b0;
        int ai = 0;
        for (int p = 0; p < kc; p++, bi += WIDE, ai += colStride) {
            FloatVector b0v = FloatVector.fromArray(SPECIES, b, bi);
            FloatVector b1v = FloatVector.fromArray(SPECIES, b, bi + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, a[r0 + ai]);
            c00 = b0v.fma(av, c00);
            c01 = b1v.fma(av, c01);
            av = FloatVector.broadcast(SPECIES, a[r1 + ai]);
            c10 = b0v.fma(av, c10);
            c11 = b1v.fma(av, c11);
            av = FloatVector.broadcast(SPECIES, a[r2 + ai]);
            c20 = b0v.fma(av, c20);
            c21 = b1v.fma(av, c21);
            av = FloatVector.broadcast(SPECIES, a[r3 + ai]);
            c30 = b0v.fma(av, c30);
            c31 = b1v.fma(av, c31);
            av = FloatVector.broadcast(SPECIES, a[r4 + ai]);
            c40 = b0v.fma(av, c40);
            c41 = b1v.fma(av, c41);
            av = FloatVector.broadcast(SPECIES, a[r5 + ai]);
            c50 = b0v.fma(av, c50);
            c51 = b1v.fma(av, c51);
            av = FloatVector.broadcast(SPECIES, a[r6 + ai]);
            c60 = b0v.fma(av, c60);
            c61 = b1v.fma(av, c61);
            av = FloatVector.broadcast(SPECIES, a[r7 + ai]);
            c70 = b0v.fma(av, c70);
            c71 = b1v.fma(av, c71);
        }
        // stores written out in full: a helper taking vectors would not be inlined, and boxing them costs more than the tile
        FloatVector al = FloatVector.broadcast(SPECIES, alpha);
        if (rows == ROWS && cols == WIDE) {
            int at = c0;
            c00.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c01.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c10.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c11.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c20.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c21.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c30.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c31.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c40.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c41.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c50.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c51.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c60.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c61.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            at += ldc;
            c70.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            c71.fma(al, FloatVector.fromArray(SPECIES, c, at + LANES)).intoArray(c, at + LANES);
            return;
        }
        // an edge tile: park the accumulators and let the scalar loop add the valid part. Masked
        // stores here would double the method's size, and C1 then fails to compile it ("out of
        // virtual registers"), which keeps the whole kernel out of C2 and boxes every vector.
        c00.intoArray(edge, 0);
        c01.intoArray(edge, LANES);
        c10.intoArray(edge, WIDE);
        c11.intoArray(edge, WIDE + LANES);
        c20.intoArray(edge, 2 * WIDE);
        c21.intoArray(edge, 2 * WIDE + LANES);
        c30.intoArray(edge, 3 * WIDE);
        c31.intoArray(edge, 3 * WIDE + LANES);
        c40.intoArray(edge, 4 * WIDE);
        c41.intoArray(edge, 4 * WIDE + LANES);
        c50.intoArray(edge, 5 * WIDE);
        c51.intoArray(edge, 5 * WIDE + LANES);
        c60.intoArray(edge, 6 * WIDE);
        c61.intoArray(edge, 6 * WIDE + LANES);
        c70.intoArray(edge, 7 * WIDE);
        c71.intoArray(edge, 7 * WIDE + LANES);
        addEdge(edge, WIDE, c, c0, ldc, rows, cols, alpha);
    }

    /**
     * c += alpha * tile for the valid rows and columns of an edge tile parked in {@code edge}, with the
     * same single rounding as the vector path ({@code fma(acc, alpha, c)}), so edges and full tiles
     * agree bit for bit.
     */
    private static void addEdge(float[] edge, int width, float[] c, int c0, int ldc, int rows, int cols, float alpha) {
        for (int r = 0; r < rows; r++) {
            int at = c0 + r * ldc;
            int from = r * width;
            for (int j = 0; j < cols; j++) {
                c[at + j] = Math.fma(edge[from + j], alpha, c[at + j]);
            }
        }
    }

    /** Like {@link #wide} for a sliver of {@link #NARROW} floats per step: c has at most one vector of columns. */
    static void narrow(float[] a, int a0, int rowStride, int colStride, int rows, int kc, float[] b, int b0,
                       float[] c, int c0, int ldc, int cols, float alpha, float[] edge) {
        int last = rows - 1;
        int r0 = a0;
        int r1 = a0 + Math.min(1, last) * rowStride;
        int r2 = a0 + Math.min(2, last) * rowStride;
        int r3 = a0 + Math.min(3, last) * rowStride;
        int r4 = a0 + Math.min(4, last) * rowStride;
        int r5 = a0 + Math.min(5, last) * rowStride;
        int r6 = a0 + Math.min(6, last) * rowStride;
        int r7 = a0 + Math.min(7, last) * rowStride;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c0v = zero, c1v = zero, c2v = zero, c3v = zero, c4v = zero, c5v = zero, c6v = zero, c7v = zero;
        int bi = b0;
        int ai = 0;
        for (int p = 0; p < kc; p++, bi += NARROW, ai += colStride) {
            FloatVector bv = FloatVector.fromArray(SPECIES, b, bi);
            c0v = bv.fma(FloatVector.broadcast(SPECIES, a[r0 + ai]), c0v);
            c1v = bv.fma(FloatVector.broadcast(SPECIES, a[r1 + ai]), c1v);
            c2v = bv.fma(FloatVector.broadcast(SPECIES, a[r2 + ai]), c2v);
            c3v = bv.fma(FloatVector.broadcast(SPECIES, a[r3 + ai]), c3v);
            c4v = bv.fma(FloatVector.broadcast(SPECIES, a[r4 + ai]), c4v);
            c5v = bv.fma(FloatVector.broadcast(SPECIES, a[r5 + ai]), c5v);
            c6v = bv.fma(FloatVector.broadcast(SPECIES, a[r6 + ai]), c6v);
            c7v = bv.fma(FloatVector.broadcast(SPECIES, a[r7 + ai]), c7v);
        }
        if (rows == ROWS && cols == NARROW) {
            FloatVector al = FloatVector.broadcast(SPECIES, alpha);
            int at = c0;
            c0v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c1v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c2v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c3v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c4v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c5v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c6v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            at += ldc;
            c7v.fma(al, FloatVector.fromArray(SPECIES, c, at)).intoArray(c, at);
            return;
        }
        c0v.intoArray(edge, 0);
        c1v.intoArray(edge, NARROW);
        c2v.intoArray(edge, 2 * NARROW);
        c3v.intoArray(edge, 3 * NARROW);
        c4v.intoArray(edge, 4 * NARROW);
        c5v.intoArray(edge, 5 * NARROW);
        c6v.intoArray(edge, 6 * NARROW);
        c7v.intoArray(edge, 7 * NARROW);
        addEdge(edge, NARROW, c, c0, ldc, rows, cols, alpha);
    }
}
