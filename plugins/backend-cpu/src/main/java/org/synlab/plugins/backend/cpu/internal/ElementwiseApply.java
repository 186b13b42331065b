package org.synlab.plugins.backend.cpu.internal;

/**
 * Runs a compiled kernel over every output element. Each input value is read before the output
 * element is written, so an input may be the output tensor itself (an in-place update).
 */
final class ElementwiseApply {

    private ElementwiseApply() {
    }

    static void run(WorkPool pool, CompiledKernel kernel, CpuTensor out, CpuTensor[] inputs) {
        int arity = inputs.length;
        int[] outShape = out.shapeView();
        int size = out.length();
        float[][] data = new float[arity][];
        Broadcast[] modes = new Broadcast[arity];
        for (int j = 0; j < arity; j++) {
            modes[j] = Broadcast.of(inputs[j].shapeView(), outShape, size,
                    "input " + (j + 1) + " ('" + kernel.inputs().get(j) + "')");
            data[j] = inputs[j].data();
        }
        int rows = Broadcast.matrixRows(outShape);
        int cols = rows == 0 ? 0 : size / rows;
        float[] target = out.data();
        FloatNode root = kernel.root();
        pool.forEach(Chunks.count(size, Chunks.ELEMENTS), chunk -> {
            int from = chunk * Chunks.ELEMENTS;
            span(root, target, cols, data, modes, from, Math.min(size, from + Chunks.ELEMENTS));
        });
    }

    /** Evaluates output elements [from, to), walking them row by row so input offsets change only per row. */
    private static void span(FloatNode root, float[] out, int cols, float[][] in, Broadcast[] modes, int from, int to) {
        int arity = in.length;
        float[] args = new float[arity];
        int[] offsets = new int[arity];
        int[] strides = new int[arity];
        for (int j = 0; j < arity; j++) {
            strides[j] = modes[j].columnStride();
        }
        int i = from;
        while (i < to) {
            int row = i / cols;
            int rowStart = row * cols;
            int colEnd = Math.min(cols, to - rowStart);
            for (int j = 0; j < arity; j++) {
                offsets[j] = modes[j].rowOffset(row, cols);
            }
            for (int col = i - rowStart; col < colEnd; col++) {
                for (int j = 0; j < arity; j++) {
                    args[j] = in[j][offsets[j] + col * strides[j]];
                }
                out[rowStart + col] = root.eval(args);
            }
            i = rowStart + colEnd;
        }
    }
}
