package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * Runs a compiled kernel over every output element through its generated loop ({@link FusedKernel}).
 * Each input value is read before the output element is written, so an input may be the output
 * tensor itself (an in-place update).
 *
 * <p>The output is split into tasks of about {@link #TASK_ELEMENTS}, as many as keep the threads even;
 * every operation is exact or a {@link Math} function of the element alone, so results do not depend on
 * the split or the threads.
 * Row and column inputs are handled a row at a time: within a row, a row input is an array read from
 * its start and a column input a single value. Each thread keeps its own small offset tables, so
 * applying allocates nothing once the kernel's loop for a broadcast pattern has been compiled.
 */
final class ElementwiseApply {

    /**
     * About this many elements per task: Adam's pass over a 784 x 128 weight (100,352 floats) makes 8
     * even tasks for two cores, while the 64 x 128 activations of a batch (8,192) stay on the caller,
     * where the hand-off would cost more than the work.
     */
    static final int TASK_ELEMENTS = 1 << 14;

    private final WorkPool pool;
    private final Offsets[] offsets;

    ElementwiseApply(WorkPool pool) {
        this.pool = pool;
        this.offsets = new Offsets[pool.threads()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = new Offsets();
        }
    }

    void run(CompiledKernel kernel, CpuTensor out, CpuTensor[] inputs) {
        int size = out.length();
        Layout layout = Layout.of(kernel, inputs, out.shapeView(), size);
        if (size == 0) {
            return;
        }
        Span span = new Span(kernel.fused().body(layout.single), out.data(), layout.data, layout.modes, layout.cols);
        forEachRange(size, span::run);
    }

    /**
     * Runs several updates in one pass ({@link FusedUpdates}); every output has the shape of
     * {@code outs[0]}, which the inputs broadcast to.
     */
    void runUpdates(FusedUpdates kernel, CpuTensor[] outs, CpuTensor[] inputs) {
        int size = outs[0].length();
        Layout layout = Layout.of(kernel, inputs, outs[0].shapeView(), size);
        float[][] outData = new float[outs.length][];
        for (int u = 0; u < outs.length; u++) {
            outData[u] = outs[u].data();
        }
        if (size == 0) {
            return;
        }
        UpdateSpan span = new UpdateSpan(kernel.body(layout.single), outData, layout.data, layout.modes, layout.cols);
        forEachRange(size, span::run);
    }

    /** A range of output elements run with a thread's own offset tables. */
    private interface Range {
        void run(Offsets offsets, int from, int to);
    }

    /**
     * Cuts {@code size} output elements into even tasks over the pool; every element is computed alone, so cutting
     * by thread count changes no result.
     */
    private void forEachRange(int size, Range range) {
        int tasks = Chunks.even(size, TASK_ELEMENTS, pool.threads());
        if (tasks == 1 || pool.threads() == 1) {
            range.run(offsets[0], 0, size);
            return;
        }
        int per = Chunks.count(size, tasks);
        pool.forEachWorker(tasks, (worker, task) ->
                range.run(offsets[worker], Math.min(size, task * per), Math.min(size, (task + 1) * per)));
    }

    /** How each input broadcasts to the output, and the row length a row segment runs over. */
    private record Layout(Broadcast[] modes, float[][] data, boolean[] single, int cols) {

        static Layout of(org.synlab.api.Kernel kernel, CpuTensor[] inputs, int[] outShape, int size) {
            int arity = inputs.length;
            Broadcast[] modes = new Broadcast[arity];
            float[][] data = new float[arity][];
            boolean[] single = new boolean[arity];
            boolean rowWise = false;
            for (int j = 0; j < arity; j++) {
                modes[j] = Broadcast.of(inputs[j].shapeView(), outShape, size, kernel, j);
                data[j] = inputs[j].data();
                single[j] = modes[j] == Broadcast.COLUMN || modes[j] == Broadcast.SCALAR;
                rowWise |= modes[j] == Broadcast.ROW || modes[j] == Broadcast.COLUMN;
            }
            // without row or column inputs the output is one long row, so a task may cross rows
            int cols = size == 0 ? 0 : rowWise ? size / Broadcast.matrixRows(outShape) : size;
            return new Layout(modes, data, single, cols);
        }
    }

    /** One application of updates: output elements [from, to), one row segment at a time. */
    private record UpdateSpan(FusedUpdates.Body body, float[][] outs, float[][] in, Broadcast[] modes, int cols) {

        void run(Offsets o, int from, int to) {
            o.reserve(in.length);
            int i = from;
            while (i < to) {
                int row = i / cols;
                int rowStart = row * cols;
                int n = Math.min(cols, to - rowStart) - (i - rowStart);
                Span.locate(o, in, modes, i, row, rowStart);
                body.run(outs, i, in, o.at, o.scalars, n);
                i += n;
            }
        }
    }

    /** One application: output elements [from, to), one row segment at a time. */
    private record Span(FusedKernel.Body body, float[] out, float[][] in, Broadcast[] modes, int cols) {

        void run(Offsets o, int from, int to) {
            o.reserve(in.length);
            int i = from;
            while (i < to) {
                int row = i / cols;
                int rowStart = row * cols;
                int n = Math.min(cols, to - rowStart) - (i - rowStart);
                locate(o, in, modes, i, row, rowStart);
                body.run(out, i, in, o.at, o.scalars, n);
                i += n;
            }
        }

        /** Where each input starts for output element i (in row {@code row}), or its broadcast value. */
        static void locate(Offsets o, float[][] in, Broadcast[] modes, int i, int row, int rowStart) {
            for (int j = 0; j < in.length; j++) {
                switch (modes[j]) {
                    case ELEMENT -> o.at[j] = i;
                    case ROW -> o.at[j] = i - rowStart;
                    case COLUMN -> o.scalars[j] = in[j][row];
                    case SCALAR -> o.scalars[j] = in[j][0];
                }
            }
        }
    }

    /** One thread's per-call tables: where each input starts, and the value of each broadcast input. */
    private static final class Offsets {
        int[] at = new int[0];
        float[] scalars = new float[0];

        void reserve(int inputs) {
            if (at.length < inputs) {
                at = new int[inputs];
                scalars = new float[inputs];
            }
        }
    }
}
