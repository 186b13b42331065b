package org.synlab.plugins.backend.cpu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.Consumer;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Distribution;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.expr.Expr;
import org.synlab.api.spiking.NeuronKernel;

/**
 * One run's context on the cpu backend: checks arguments, then hands the arrays to the class that
 * does each operation on this context's threads.
 */
final class CpuCompute implements Compute {

    /**
     * Vector neuron loops longer than this stay scalar. C2 must inline every Vector API call of the
     * loop for its vectors to live in registers; past its inlining budget, calls are left out and their
     * vectors boxed. Measured (bytes of the vector update method, us per 4,096-neuron step): lif 767,
     * lif-cond 1,063, adex 758 and izhikevich 603 all ran 2-7 times faster in vector form; Hodgkin-Huxley
     * at 3,921 bytes ran at 344 us in vector form against 263 us scalar. (HotSpot does not compile a
     * method over 8,000 bytes at all.)
     */
    private static final int VECTOR_METHOD_BYTES = 2000;

    private final ComputeConfig config;
    private final TensorRegistry tensors = new TensorRegistry();
    private final WorkPool pool;
    private final Gemm gemm;
    private final ElementwiseApply elementwise;
    private final Consumer<CpuCompute> onClose;
    /** Run once, at the first product; null afterwards. */
    private Runnable onFirstProduct;

    CpuCompute(ComputeConfig config, Consumer<CpuCompute> onClose) {
        this(config, onClose, () -> { });
    }

    CpuCompute(ComputeConfig config, Consumer<CpuCompute> onClose, Runnable onFirstProduct) {
        this.config = config;
        this.onFirstProduct = onFirstProduct;
        this.pool = new WorkPool(config.threads());
        this.gemm = new Gemm(pool);
        this.elementwise = new ElementwiseApply(pool);
        this.onClose = onClose;
    }

    @Override
    public String backend() {
        return "cpu";
    }

    @Override
    public int threads() {
        return config.threads();
    }

    @Override
    public Tensor zeros(int... shape) {
        requireShape(shape, "zeros");
        return tensors.create(shape, new float[Shapes.size(shape)]);
    }

    @Override
    public Tensor upload(float[] data, int... shape) {
        requireShape(shape, "upload");
        if (data == null) {
            throw new IllegalArgumentException("upload: data is null");
        }
        int size = Shapes.size(shape);
        if (data.length != size) {
            throw new IllegalArgumentException("upload: shape " + Shapes.format(shape) + " holds " + size
                    + " elements but the data has " + data.length);
        }
        return tensors.create(shape, data.clone());
    }

    @Override
    public void upload(float[] src, int offset, Tensor dst) {
        CpuTensor d = tensors.ownForWriting(dst, "upload destination");
        requireRange(src, offset, d.length(), "upload: source", d);
        System.arraycopy(src, offset, d.data(), 0, d.length());
    }

    @Override
    public void uploadRows(float[] table, int rowLength, int[] rows, int from, Tensor dst) {
        CpuTensor d = tensors.ownForWriting(dst, "uploadRows destination");
        int count = rowCount(d, rowLength, table == null ? -1 : table.length, rows, from, "uploadRows", "floats");
        float[] out = d.data();
        for (int r = 0; r < count; r++) {
            System.arraycopy(table, rows[from + r] * rowLength, out, r * rowLength, rowLength);
        }
    }

    @Override
    public void uploadByteRows(byte[] codes, float divisor, int rowLength, int[] rows, int from, Tensor dst) {
        CpuTensor d = tensors.ownForWriting(dst, "uploadByteRows destination");
        int count = rowCount(d, rowLength, codes == null ? -1 : codes.length, rows, from, "uploadByteRows", "codes");
        float[] out = d.data();
        for (int r = 0; r < count; r++) {
            ByteRows.decode(codes, rows[from + r] * rowLength, divisor, out, r * rowLength, rowLength);
        }
    }

    /**
     * How many rows of {@code rowLength} the destination holds, after checking that they tile it, that
     * {@code rows} has that many numbers from {@code from} and that each names a row of the table
     * ({@code tableLength} elements, -1 for no table).
     */
    private static int rowCount(CpuTensor d, int rowLength, long tableLength, int[] rows, int from, String op,
                                String elements) {
        if (rowLength <= 0 || d.length() % rowLength != 0) {
            throw new IllegalArgumentException(op + ": rows of " + rowLength + " " + elements + " do not tile "
                    + Shapes.format(d.shapeView()));
        }
        int count = d.length() / rowLength;
        if (tableLength < 0 || rows == null || from < 0 || (long) from + count > rows.length) {
            throw new IllegalArgumentException(op + ": " + count + " row numbers needed from position " + from
                    + " of " + (rows == null ? "no array" : "an array of " + rows.length));
        }
        long tableRows = tableLength / rowLength;
        for (int r = 0; r < count; r++) {
            int row = rows[from + r];
            if (row < 0 || row >= tableRows) {
                throw new IllegalArgumentException(op + ": row " + row + " is outside the table's " + tableRows
                        + " rows");
            }
        }
        return count;
    }

    @Override
    public void download(Tensor src, float[] dst, int offset) {
        CpuTensor s = tensors.own(src, "download source");
        requireRange(dst, offset, s.length(), "download: destination", s);
        System.arraycopy(s.data(), 0, dst, offset, s.length());
    }

    @Override
    public void fill(Tensor t, float value) {
        Arrays.fill(tensors.ownForWriting(t, "fill target").data(), value);
    }

    /** Copies between tensors of equal size; the shapes may differ, which makes this a reshaping copy. */
    @Override
    public void copy(Tensor src, Tensor dst) {
        CpuTensor s = tensors.own(src, "copy source");
        CpuTensor d = tensors.ownForWriting(dst, "copy destination");
        if (s.length() != d.length()) {
            throw new IllegalArgumentException("copy: source " + Shapes.format(s.shapeView()) + " has " + s.length()
                    + " elements but destination " + Shapes.format(d.shapeView()) + " has " + d.length());
        }
        System.arraycopy(s.data(), 0, d.data(), 0, s.length());
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        runStarts();
        gemm.multiply(transposeA, transposeB, alpha, tensors.own(a, "gemm operand a"),
                tensors.own(b, "gemm operand b"), beta, tensors.ownForWriting(c, "gemm result c"));
    }

    /** A run has begun its real work (a product, or a spiking model): the hook runs once (the warm-up gives way). */
    private void runStarts() {
        if (onFirstProduct != null) {
            Runnable first = onFirstProduct;
            onFirstProduct = null;
            first.run();
        }
    }

    @Override
    public Kernel kernel(Expr expression, String... inputs) {
        tensors.requireOpen();
        return KernelCompiler.compile(expression, inputs);
    }

    @Override
    public NeuronKernel neurons(NeuronProgram program, double dt) {
        tensors.requireOpen();
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("neurons: the time step must be a positive number of seconds, got " + dt);
        }
        // a spiking run never multiplies: the GEMM warm-up would take a core from its loop
        runStarts();
        NeuronProgram bound = program.withTimeStep(dt);
        List<String> names = bound.variables().stream().map(Variable::name).toList();
        String what = "the neuron update of model " + program.model();
        Generated.Compiled compiled = null;
        if (NeuronKernelSource.vectorizable(bound)) {
            compiled = Generated.compile(what, "SynlabNeurons", name -> NeuronKernelSource.write(name, bound, true));
            if (compiled.codeLength("update") > VECTOR_METHOD_BYTES) {
                compiled = null; // one neuron at a time is faster than a vector loop C2 cannot inline whole
            }
        }
        if (compiled == null) {
            compiled = Generated.compile(what, "SynlabNeurons", name -> NeuronKernelSource.write(name, bound, false));
        }
        return compiled.instance(NeuronKernel.class, new Class<?>[] {List.class, double.class}, names, dt);
    }

    @Override
    public void apply(Kernel kernel, Tensor out, Tensor... inputs) {
        if (!(kernel instanceof CompiledKernel compiled)) {
            throw new IllegalArgumentException("apply: " + kernel + " was not compiled by a cpu Compute");
        }
        CpuTensor target = tensors.ownForWriting(out, "apply output");
        if (inputs == null || inputs.length != compiled.inputs().size()) {
            throw new IllegalArgumentException("apply: " + compiled + " takes " + compiled.inputs().size()
                    + " input tensor(s) " + compiled.inputs() + ", got " + (inputs == null ? 0 : inputs.length));
        }
        CpuTensor[] in = new CpuTensor[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            in[j] = tensors.own(inputs[j], "apply input " + (j + 1) + " ('" + compiled.inputs().get(j) + "')");
        }
        elementwise.run(compiled, target, in);
    }

    /** One generated loop for all the updates ({@link FusedUpdates}), instead of one pass each. */
    @Override
    public Kernel kernel(SequencedMap<String, Expr> updates, String... inputs) {
        tensors.requireOpen();
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("a kernel of updates needs at least one update");
        }
        List<String> names = new ArrayList<>(updates.keySet());
        List<Expr> expressions = new ArrayList<>(updates.values());
        List<String> in = KernelCompiler.compile(expressions.getFirst(), inputs).inputs(); // checks the inputs
        for (int u = 0; u < names.size(); u++) {
            if (!in.contains(names.get(u))) {
                throw new IllegalArgumentException("update '" + names.get(u) + "' is not among the kernel's inputs " + in);
            }
            KernelCompiler.compile(expressions.get(u), inputs); // every variable is an input
        }
        return new FusedUpdates(in, names, expressions);
    }

    @Override
    public void apply(Kernel kernel, Tensor[] outs, Tensor... inputs) {
        if (!(kernel instanceof FusedUpdates fused)) {
            throw new IllegalArgumentException("apply: " + kernel + " was not compiled by a cpu Compute's kernel(updates, inputs)");
        }
        if (outs == null || outs.length != fused.outputs().size()) {
            throw new IllegalArgumentException("apply: " + fused + " updates " + fused.outputs() + ", got "
                    + (outs == null ? 0 : outs.length) + " output tensor(s)");
        }
        if (inputs == null || inputs.length != fused.inputs().size()) {
            throw new IllegalArgumentException("apply: " + fused + " takes " + fused.inputs().size()
                    + " input tensor(s) " + fused.inputs() + ", got " + (inputs == null ? 0 : inputs.length));
        }
        CpuTensor[] in = new CpuTensor[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            in[j] = tensors.own(inputs[j], "apply input " + (j + 1) + " ('" + fused.inputs().get(j) + "')");
        }
        CpuTensor[] targets = new CpuTensor[outs.length];
        for (int u = 0; u < outs.length; u++) {
            String role = "apply output " + (u + 1) + " ('" + fused.outputs().get(u) + "')";
            targets[u] = tensors.ownForWriting(outs[u], role);
            if (!Arrays.equals(targets[u].shapeView(), targets[0].shapeView())) {
                throw new IllegalArgumentException("apply: " + role + " has shape " + Shapes.format(targets[u].shapeView())
                        + " but output 1 has shape " + Shapes.format(targets[0].shapeView()));
            }
            for (int v = 0; v < u; v++) {
                if (targets[v] == targets[u]) {
                    throw new IllegalArgumentException("apply: " + role + " is also output " + (v + 1));
                }
            }
            for (int j = 0; j < in.length; j++) {
                if (in[j] == targets[u] && j != fused.inputOf(u)) {
                    throw new IllegalArgumentException("apply: " + role + " is also input " + (j + 1) + " ('"
                            + fused.inputs().get(j) + "'); an output may only be the input of its own name");
                }
            }
        }
        elementwise.runUpdates(fused, targets, in);
    }

    @Override
    public void sumColumns(Tensor m, Tensor out) {
        Reductions.sumColumns(pool, tensors.own(m, "sumColumns input"), tensors.ownForWriting(out, "sumColumns output"));
    }

    @Override
    public void sumRows(Tensor m, Tensor out) {
        Reductions.sumRows(pool, tensors.own(m, "sumRows input"), tensors.ownForWriting(out, "sumRows output"));
    }

    @Override
    public double sum(Tensor t) {
        return Reductions.sum(pool, tensors.own(t, "sum input"));
    }

    @Override
    public void softmaxRows(Tensor in, Tensor out) {
        Softmax.rows(pool, tensors.own(in, "softmaxRows input"), tensors.ownForWriting(out, "softmaxRows output"));
    }

    @Override
    public void random(Tensor t, Distribution distribution, float a, float b, long stream) {
        RandomFill.fill(pool, tensors.ownForWriting(t, "random target"), distribution, a, b, config.seed(), stream);
    }

    /** Number of tensors made here and not yet closed. */
    int liveTensors() {
        return tensors.liveCount();
    }

    @Override
    public void close() {
        tensors.closeAll();
        pool.close();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "cpu compute (" + config.threads() + " threads, seed " + config.seed() + ")";
    }

    private static void requireShape(int[] shape, String op) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null");
        }
    }

    private static void requireRange(float[] array, int offset, int length, String what, CpuTensor t) {
        if (array == null) {
            throw new IllegalArgumentException(what + " array is null");
        }
        if (offset < 0 || (long) offset + length > array.length) {
            throw new IllegalArgumentException(what + " array of length " + array.length + " has no room for the "
                    + length + " elements of " + Shapes.format(t.shapeView()) + " at offset " + offset);
        }
    }
}
