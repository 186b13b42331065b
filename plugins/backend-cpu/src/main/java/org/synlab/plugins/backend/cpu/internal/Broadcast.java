package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * How one input of {@code apply} maps onto the output, seen as a [rows, cols] matrix (a vector
 * output is one row). Element (r, c) of the output reads the input at
 * {@code rowOffset(r, cols) + c * columnStride()}.
 */
enum Broadcast {
    /** Same shape as the output. */
    ELEMENT,
    /** {@code [cols]} or {@code [1, cols]}: the same row for every output row. */
    ROW,
    /** {@code [rows, 1]}: one value per output row. */
    COLUMN,
    /** One value for every element. */
    SCALAR;

    int rowOffset(int row, int cols) {
        return switch (this) {
            case ELEMENT -> row * cols;
            case COLUMN -> row;
            case ROW, SCALAR -> 0;
        };
    }

    int columnStride() {
        return this == ELEMENT || this == ROW ? 1 : 0;
    }

    /** Output rows when the output is seen as a matrix: vectors and scalars are a single row. */
    static int matrixRows(int[] outShape) {
        return outShape.length >= 2 ? outShape[0] : 1;
    }

    /**
     * @param kernel and {@code index} name the input in an error ("input 2 ('g')"); the name is only
     *               built when there is an error, since this runs on every apply
     */
    static Broadcast of(int[] in, int[] out, int outSize, org.synlab.api.Kernel kernel, int index) {
        if (Arrays.equals(in, out)) {
            return ELEMENT;
        }
        int inSize = Shapes.size(in);
        if (inSize == 1) {
            return SCALAR;
        }
        int rows = matrixRows(out);
        int cols = rows == 0 ? 0 : outSize / rows;
        boolean rowVector = (in.length == 1 && in[0] == cols) || (in.length == 2 && in[0] == 1 && in[1] == cols);
        if (rowVector) {
            return ROW;
        }
        if (in.length == 2 && in[0] == rows && in[1] == 1 && out.length >= 2) {
            return COLUMN;
        }
        String role = "input " + (index + 1) + " ('" + kernel.inputs().get(index) + "')";
        throw new IllegalArgumentException("apply: " + role + " has shape " + Shapes.format(in)
                + ", which does not broadcast to the output shape " + Shapes.format(out) + "; expected "
                + Shapes.format(out) + ", a row [" + cols + "] or [1, " + cols + "], a column [" + rows
                + ", 1], or a scalar [1]");
    }
}
