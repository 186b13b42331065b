package org.synlab.plugins.backend.cpu.internal;

import java.util.Arrays;

/**
 * Runs a compiled kernel over every output element, a block at a time ({@link BlockProgram}). Each
 * input value is read before the output element is written, so an input may be the output tensor
 * itself (an in-place update).
 *
 * <p>The output is split into fixed chunks of {@link Chunks#ELEMENTS}; every operation is exact or a
 * {@link Math} function of the element alone, so results do not depend on the split or the threads.
 * Each thread evaluates in scratch memory that this context keeps, so applying allocates nothing
 * once the first call has sized it.
 */
final class ElementwiseApply {

    private final WorkPool pool;
    private final BlockScratch[] scratch;

    ElementwiseApply(WorkPool pool) {
        this.pool = pool;
        this.scratch = new BlockScratch[pool.threads()];
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = new BlockScratch();
        }
    }

    void run(CompiledKernel kernel, CpuTensor out, CpuTensor[] inputs) {
        int arity = inputs.length;
        int[] outShape = out.shapeView();
        int size = out.length();
        Broadcast[] modes = new Broadcast[arity];
        float[][] data = new float[arity][];
        boolean rowWise = false;
        for (int j = 0; j < arity; j++) {
            modes[j] = Broadcast.of(inputs[j].shapeView(), outShape, size, kernel, j);
            data[j] = inputs[j].data();
            rowWise |= modes[j] == Broadcast.ROW || modes[j] == Broadcast.COLUMN;
        }
        if (size == 0) {
            return;
        }
        int rows = Broadcast.matrixRows(outShape);
        // without row or column inputs the output is one long row, so blocks may cross rows
        int cols = rowWise ? size / rows : size;
        Span span = new Span(kernel.program(), out.data(), data, modes, cols);
        int chunks = Chunks.count(size, Chunks.ELEMENTS);
        if (chunks == 1 || pool.threads() == 1) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                span.run(scratch[0], chunk * Chunks.ELEMENTS, Math.min(size, (chunk + 1) * Chunks.ELEMENTS));
            }
            return;
        }
        pool.forEachWorker(chunks, (worker, chunk) ->
                span.run(scratch[worker], chunk * Chunks.ELEMENTS, Math.min(size, (chunk + 1) * Chunks.ELEMENTS)));
    }

    /** One application: evaluates output elements [from, to) block by block, never crossing a row of cols. */
    private record Span(BlockProgram program, float[] out, float[][] in, Broadcast[] modes, int cols) {

        void run(BlockScratch s, int from, int to) {
            int registers = program.registers();
            s.reserve(program.tableSize(), (registers + in.length) * BlockProgram.BLOCK);
            float[][] arr = s.arrays;
            int[] off = s.offsets;
            for (int r = 0; r < registers; r++) {
                arr[r] = s.floats;
                off[r] = r * BlockProgram.BLOCK;
            }
            program.bindConstants(arr, off);
            int outSlot = program.outputSlot();
            arr[outSlot] = out;
            int i = from;
            while (i < to) {
                int row = i / cols;
                int rowStart = row * cols;
                int col = i - rowStart;
                int n = Math.min(BlockProgram.BLOCK, Math.min(cols, to - rowStart) - col);
                for (int j = 0; j < in.length; j++) {
                    bindInput(s, arr, off, j, row, rowStart, col, n);
                }
                off[outSlot] = i;
                program.run(arr, off, n);
                i += n;
            }
        }

        /** Points input j's slot at its values for the block; a value shared by the block is spread into scratch. */
        private void bindInput(BlockScratch s, float[][] arr, int[] off, int j, int row, int rowStart, int col, int n) {
            int slot = program.inputSlot(j);
            switch (modes[j]) {
                case ELEMENT -> {
                    arr[slot] = in[j];
                    off[slot] = rowStart + col;
                }
                case ROW -> {
                    arr[slot] = in[j];
                    off[slot] = col;
                }
                case COLUMN, SCALAR -> {
                    int at = (program.registers() + j) * BlockProgram.BLOCK;
                    Arrays.fill(s.floats, at, at + n, in[j][modes[j] == Broadcast.COLUMN ? row : 0]);
                    arr[slot] = s.floats;
                    off[slot] = at;
                }
            }
        }
    }

    /** One thread's scratch: register blocks and the operand table, grown on demand and then reused. */
    private static final class BlockScratch {
        float[] floats = new float[0];
        float[][] arrays = new float[0][];
        int[] offsets = new int[0];

        void reserve(int tableSize, int scratchFloats) {
            if (arrays.length < tableSize) {
                arrays = new float[tableSize][];
                offsets = new int[tableSize];
            }
            if (floats.length < scratchFloats) {
                floats = new float[scratchFloats];
            }
        }
    }
}
