package org.synlab.api;

import java.util.SequencedMap;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.expr.Expr;
import org.synlab.api.spiking.NeuronKernel;

/**
 * The operations a backend offers to one run. Every tensor made here belongs to this context and is
 * freed when it closes. Operations are synchronous from the caller's view; a backend may parallelise
 * inside an operation, but results never depend on the number of threads.
 *
 * <p>A context belongs to one run and is used by one thread at a time (the run's); after
 * {@link #close()} every operation throws {@link IllegalStateException}.
 *
 * <p><b>Broadcasting</b> in {@link #apply}: an input either has the output's shape, or is a row vector
 * ({@code [cols]} or {@code [1, cols]}) repeated for every row, or a column vector ({@code [rows, 1]})
 * repeated for every column, or a scalar ({@code [1]}).
 */
public interface Compute extends AutoCloseable {

    /** The backend's name. */
    String backend();

    /** The cores this context may use. */
    int threads();

    /** A new tensor of zeros. */
    Tensor zeros(int... shape);

    /** A new tensor holding a copy of {@code data} (row-major; length must match the shape). */
    Tensor upload(float[] data, int... shape);

    /** Copies {@code dst.size()} floats from {@code src[offset...]} into an existing tensor. */
    void upload(float[] src, int offset, Tensor dst);

    /**
     * Copies rows {@code rows[from]}, {@code rows[from + 1]}, ... of {@code table} (a row-major array
     * of rows of {@code rowLength} floats) into the consecutive rows of {@code dst}, which holds
     * {@code dst.size() / rowLength} of them: a shuffled mini-batch, gathered straight into the tensor.
     * This default stages the rows in a new array and uploads it; a backend that can write its
     * tensors directly does without the copy.
     */
    default void uploadRows(float[] table, int rowLength, int[] rows, int from, Tensor dst) {
        int count = Math.toIntExact(dst.size() / rowLength);
        float[] staged = new float[count * rowLength];
        for (int r = 0; r < count; r++) {
            System.arraycopy(table, Math.multiplyExact(rows[from + r], rowLength), staged, r * rowLength, rowLength);
        }
        upload(staged, 0, dst);
    }

    /**
     * {@link #uploadRows(float[], int, int[], int, Tensor)} for a table of 8-bit codes: element i of a
     * row becomes the float32 quotient {@code (codes[i] & 0xFF) / divisor}, the form 8-bit images take
     * once scaled (MNIST's pixels are {@code code / 255f}). A quarter of the bytes of the float table
     * cross the memory bus, which is what gathering shuffled rows waits on. Every backend must give
     * exactly that quotient, as Java's float division rounds it. This default decodes into a new array
     * and uploads it; a backend that can write its tensors directly does without the copy.
     */
    default void uploadByteRows(byte[] codes, float divisor, int rowLength, int[] rows, int from, Tensor dst) {
        int count = Math.toIntExact(dst.size() / rowLength);
        float[] staged = new float[count * rowLength];
        for (int r = 0; r < count; r++) {
            int at = Math.multiplyExact(rows[from + r], rowLength);
            for (int i = 0; i < rowLength; i++) {
                staged[r * rowLength + i] = (codes[at + i] & 0xFF) / divisor;
            }
        }
        upload(staged, 0, dst);
    }

    /** Copies the tensor's values into {@code dst[offset...]}. */
    void download(Tensor src, float[] dst, int offset);

    /** A new host array with a copy of the tensor's values. */
    default float[] download(Tensor src) {
        float[] out = new float[Math.toIntExact(src.size())];
        download(src, out, 0);
        return out;
    }

    void fill(Tensor t, float value);

    void copy(Tensor src, Tensor dst);

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, where {@code op(x)} is x or its transpose. The
     * operands are 2-D; {@code c} must not alias {@code a} or {@code b}.
     */
    void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c);

    /**
     * Compiles an elementwise expression. Its free variables must all be listed in {@code inputs};
     * constants (parameters) must already be bound with {@link Expr#bind}. Backends compute in
     * float32: {@link Expr#evaluate} (double precision) is the reference up to float rounding, which
     * can flip a comparison against a constant that float32 cannot represent exactly.
     *
     * @throws IllegalArgumentException if the expression uses a variable that is not an input
     */
    Kernel kernel(Expr expression, String... inputs);

    /**
     * {@code out[i] = kernel(inputs[0][i], inputs[1][i], ...)}, with broadcasting (see above). The
     * output may also be one of the inputs (in-place updates such as {@code w = w - lr * g}), and an
     * input the expression does not read is allowed.
     */
    void apply(Kernel kernel, Tensor out, Tensor... inputs);

    /**
     * Compiles several elementwise updates that run as one pass over memory (an optimiser's moments
     * and weights: {@code m}, {@code v}, then {@code w}, reading each element of g, m, v and w once).
     * {@code updates} assigns a new value to each of its keys, in its order; every key must be among
     * {@code inputs}, and each expression reads the inputs, where a key assigned before it stands for
     * its new value. Run it with {@link #apply(Kernel, Tensor[], Tensor...)}. The values are those of
     * compiling each expression with {@link #kernel(Expr, String...)} and applying them one after the
     * other, which is what this default does; a backend may instead compute them in one pass.
     *
     * @throws IllegalArgumentException if a key or a variable is not an input, or there is no update
     */
    default Kernel kernel(SequencedMap<String, Expr> updates, String... inputs) {
        return Updates.compile(this, updates, inputs);
    }

    /**
     * Runs a kernel of {@link #kernel(SequencedMap, String...)}: {@code outs[j]} receives the new value
     * of its j-th key, with broadcasting of the inputs as for {@link #apply(Kernel, Tensor, Tensor...)}.
     * The outputs have one shape. Each output is either the input of the same name (an update in
     * place, as an optimiser does) or a tensor that is not among the inputs.
     */
    default void apply(Kernel kernel, Tensor[] outs, Tensor... inputs) {
        Updates.apply(this, kernel, outs, inputs);
    }

    /** Sums each column: {@code out[j] = sum_i m[i][j]}; {@code out} has {@code m.cols()} elements. */
    void sumColumns(Tensor m, Tensor out);

    /** Sums each row: {@code out[i] = sum_j m[i][j]}; {@code out} has {@code m.rows()} elements. */
    void sumRows(Tensor m, Tensor out);

    /** The sum of all elements, accumulated in double precision and returned to the host. */
    double sum(Tensor t);

    /** Softmax of each row, numerically stable (the row maximum is subtracted first). */
    void softmaxRows(Tensor in, Tensor out);

    /**
     * Fills {@code t} from a counter-based random stream: element {@code i} is a pure function of
     * (run seed, {@code stream}, i), so results do not depend on threads or on call order.
     */
    void random(Tensor t, Distribution distribution, float a, float b, long stream);

    /**
     * Compiles a spiking neuron model into this backend's neuron update, stepping by {@code dt}
     * seconds: generated code that runs {@link NeuronProgram}'s statements, threshold and reset for a
     * range of neurons of a population (see {@link NeuronKernel} for the contract). Arithmetic is
     * float32, as everywhere; {@link org.synlab.api.eqs.ReferenceStepper} is the double-precision
     * reference.
     *
     * @throws UnsupportedOperationException if this backend does not run spiking neurons
     */
    default NeuronKernel neurons(NeuronProgram program, double dt) {
        throw new UnsupportedOperationException("backend " + backend() + " does not run spiking neurons");
    }

    /** Frees every tensor of this context. */
    @Override
    void close();
}
