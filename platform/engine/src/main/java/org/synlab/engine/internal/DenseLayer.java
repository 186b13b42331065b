package org.synlab.engine.internal;

import java.util.HashMap;
import java.util.Map;
import org.synlab.api.Activation;
import org.synlab.api.Compute;
import org.synlab.api.Distribution;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * A fully connected layer {@code a = f(in · W + b)}, with optional inverted dropout on its output.
 * Owns its parameters and gradients on the backend, and one set of activation buffers per batch
 * size it has seen (a run sees at most a few: the batch size, the last partial batch, evaluation).
 */
final class DenseLayer {

    final int index;
    final int inputs;
    final int units;
    final String neuronName;
    final boolean trainable;
    final float keep;

    final Tensor weight;
    final Tensor bias;
    final Tensor weightGrad;
    final Tensor biasGrad;

    private final Compute compute;
    private final Activation activation;
    private final Kernel addBias;
    private final Kernel activate;
    private final Kernel backThroughActivation;
    private final Kernel backThroughSoftmax;
    private final Kernel dropoutMask;
    private final Kernel multiply;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    /** The buffers last asked for: a training step asks for the same size many times, without boxing. */
    private int lastRows = -1;
    private Buffers lastBuffers;

    /** Per batch size: summed input, activation, output after dropout, and gradient scratch. */
    static final class Buffers {
        final Tensor z;
        final Tensor a;
        final Tensor out;
        final Tensor mask;
        final Tensor uniform;
        final Tensor gradOut;
        final Tensor dz;
        final Tensor scratch;
        final Tensor rowSum;

        Buffers(Compute c, int rows, int units, boolean dropout, boolean softmax) {
            z = c.zeros(rows, units);
            a = c.zeros(rows, units);
            out = dropout ? c.zeros(rows, units) : a;
            mask = dropout ? c.zeros(rows, units) : null;
            uniform = dropout ? c.zeros(rows, units) : null;
            gradOut = c.zeros(rows, units);
            dz = c.zeros(rows, units);
            scratch = softmax ? c.zeros(rows, units) : null;
            rowSum = softmax ? c.zeros(rows, 1) : null;
        }
    }

    DenseLayer(Compute compute, int index, int inputs, int units, String neuronName, Activation activation,
               boolean trainable, double dropout) {
        this.compute = compute;
        this.index = index;
        this.inputs = inputs;
        this.units = units;
        this.neuronName = neuronName;
        this.activation = activation;
        this.trainable = trainable;
        this.keep = (float) (1.0 - dropout);
        this.weight = compute.zeros(inputs, units);
        this.bias = compute.zeros(units);
        this.weightGrad = compute.zeros(inputs, units);
        this.biasGrad = compute.zeros(units);
        this.addBias = compute.kernel(Expr.parse("z + b"), "z", "b");
        if (activation instanceof Activation.Elementwise e) {
            this.activate = compute.kernel(e.function(), "x");
            this.backThroughActivation = compute.kernel(
                    new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Var("g"), e.derivative()), "x", "y", "g");
            this.backThroughSoftmax = null;
        } else {
            this.activate = null;
            this.backThroughActivation = null;
            // softmax Jacobian-vector product: dz = y * (g - sum_j g_j y_j)
            this.backThroughSoftmax = compute.kernel(Expr.parse("y * (g - r)"), "y", "g", "r");
        }
        this.dropoutMask = keep < 1f ? compute.kernel(Expr.parse("u < keep ? 1 / keep : 0")
                .bind(Map.of("keep", (double) keep)), "u") : null;
        this.multiply = compute.kernel(Expr.parse("a * b"), "a", "b");
    }

    boolean softmax() {
        return activation instanceof Activation.Softmax;
    }

    Buffers buffers(int rows) {
        if (rows != lastRows) {
            lastBuffers = buffers.computeIfAbsent(rows, r -> new Buffers(compute, r, units, keep < 1f, softmax()));
            lastRows = rows;
        }
        return lastBuffers;
    }

    /** Initialises the weights by a Keras-named scheme from the run's random stream. */
    void initialise(String scheme, long stream) {
        double fanIn = inputs;
        double fanOut = units;
        switch (scheme) {
            case "zeros" -> compute.fill(weight, 0f);
            case "glorot-uniform" -> uniform(Math.sqrt(6.0 / (fanIn + fanOut)), stream);
            case "glorot-normal" -> compute.random(weight, Distribution.NORMAL, 0f, (float) Math.sqrt(2.0 / (fanIn + fanOut)), stream);
            case "he-uniform" -> uniform(Math.sqrt(6.0 / fanIn), stream);
            case "he-normal" -> compute.random(weight, Distribution.NORMAL, 0f, (float) Math.sqrt(2.0 / fanIn), stream);
            default -> throw new IllegalArgumentException("unknown initialiser " + scheme);
        }
        compute.fill(bias, 0f);
    }

    private void uniform(double limit, long stream) {
        compute.random(weight, Distribution.UNIFORM, (float) -limit, (float) limit, stream);
    }

    /** Forward pass; returns the output buffer (after dropout when training). */
    Tensor forward(Tensor in, boolean training, long dropoutStream) {
        Buffers b = buffers(in.rows());
        compute.gemm(false, false, 1f, in, weight, 0f, b.z);
        compute.apply(addBias, b.z, b.z, bias);
        if (softmax()) {
            compute.softmaxRows(b.z, b.a);
        } else {
            compute.apply(activate, b.a, b.z);
        }
        if (b.out != b.a) {
            if (training) {
                compute.random(b.uniform, Distribution.UNIFORM, 0f, 1f, dropoutStream);
                compute.apply(dropoutMask, b.mask, b.uniform);
                compute.apply(multiply, b.out, b.a, b.mask);
            } else {
                compute.copy(b.a, b.out);
            }
        }
        return b.out;
    }

    /**
     * Turns the gradient with respect to this layer's output (in {@code buffers(rows).gradOut}) into
     * the gradient with respect to its summed input ({@code dz}).
     */
    void gradientThroughActivation(int rows) {
        Buffers b = buffers(rows);
        if (b.mask != null) {
            compute.apply(multiply, b.gradOut, b.gradOut, b.mask);
        }
        if (softmax()) {
            compute.apply(multiply, b.scratch, b.gradOut, b.a);
            compute.sumRows(b.scratch, b.rowSum);
            compute.apply(backThroughSoftmax, b.dz, b.a, b.gradOut, b.rowSum);
        } else {
            compute.apply(backThroughActivation, b.dz, b.z, b.a, b.gradOut);
        }
    }

    /**
     * From {@code dz}: the parameter gradients (if trainable) and, when {@code gradIn} is not null,
     * the gradient with respect to this layer's input.
     */
    void backward(Tensor in, int rows, Tensor gradIn) {
        Buffers b = buffers(rows);
        if (trainable) {
            compute.gemm(true, false, 1f, in, b.dz, 0f, weightGrad);
            compute.sumColumns(b.dz, biasGrad);
        }
        if (gradIn != null) {
            compute.gemm(false, true, 1f, b.dz, weight, 0f, gradIn);
        }
    }

    long parameterCount() {
        return (long) inputs * units + units;
    }
}
