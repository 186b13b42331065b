package org.synlab.plugins.backend.cpu.internal;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * One training step of a 784-128-10 network on batches of image-like rows, with the calls and shapes an MLP
 * on 28 x 28 images makes: what {@link KernelWarmup} runs so that the JIT compiles the kernels with the
 * branches a real run takes.
 *
 * <p>Why image-like rows, not random ones: C2 compiles a branch never taken as a trap, and a run that
 * takes it throws the compiled code away. MNIST's rows are blank at the top and bottom and at the sides,
 * so the zero-skipping products meet blocks of a row with no non-zero, pairs of rows of which one is
 * blank in a block, and pairs of blank columns; uniformly random zeros never make those (measured: the
 * forward product compiled by C2 on random zeros hit two such traps in the first steps of an MNIST run
 * and was compiled again, 0.17 s of C2 time). The batch sizes are a full batch of 64, a short last
 * batch of 32 and mostly 8, which reach both sides of the 32-row words the weight gradient keeps its
 * bits in.
 */
final class ImageStep {

    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    static final int HIDDEN = 128;
    static final int CLASSES = 10;
    /** The batch sizes a round uses in turn: mostly small ones, which cost the least until C2 has compiled. */
    private static final int[] ROWS = {8, 8, 8, 64, 8, 8, 32, 8, 8, 8};

    private final CpuCompute c;
    private final Tensor w1;
    private final Tensor b1;
    private final Tensor w2;
    private final Tensor b2;
    private final Tensor gw1;
    private final Tensor gb1;
    private final Tensor gw2;
    private final Tensor gb2;
    private final Tensor w1Part;
    private final Tensor gw1Part;
    private final Tensor[][] moments;
    private final Tensor[] scalars;
    private final Batch[] batches;
    /** Compiled on the first {@link #run}: {@link #products} needs none. */
    private Kernel addBias;
    private Kernel relu;
    private Kernel reluGradient;
    private Kernel lossGradient;
    private Kernel update;
    private final byte[] codes;
    private final int[] order;

    ImageStep(CpuCompute c) {
        this.c = c;
        w1 = c.zeros(PIXELS, HIDDEN);
        b1 = c.zeros(HIDDEN);
        w2 = c.zeros(HIDDEN, CLASSES);
        b2 = c.zeros(CLASSES);
        gw1 = c.zeros(PIXELS, HIDDEN);
        gb1 = c.zeros(HIDDEN);
        gw2 = c.zeros(HIDDEN, CLASSES);
        gb2 = c.zeros(CLASSES);
        // small values of both signs, from a formula: a random fill runs boxed vector code until C2 has
        // compiled it, and filling these 100,000 weights at random was part of what delayed the warm-up's
        // first product by 1.2 s (see KernelWarmup.PRODUCTS_FIRST)
        c.upload(pattern(PIXELS * HIDDEN, 0.08f), 0, w1);
        c.upload(pattern(HIDDEN * CLASSES, 0.2f), 0, w2);
        // the first layer's update runs on a stand-in of 32 rows of its weights: the update's code is the same for
        // any length, and until C2 has compiled it each element costs tens of times what it will
        w1Part = c.zeros(32, HIDDEN);
        gw1Part = c.zeros(32, HIDDEN);
        Tensor[] parameters = {w1Part, b1, w2, b2};
        moments = new Tensor[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            moments[i] = new Tensor[] {c.zeros(parameters[i].shape()), c.zeros(parameters[i].shape())};
        }
        scalars = new Tensor[] {c.zeros(1), c.zeros(1), c.zeros(1), c.zeros(1)};
        c.fill(scalars[0], 1e-3f);
        c.fill(scalars[1], 1e-3f);
        c.fill(scalars[2], 1f);
        c.fill(scalars[3], 1f / 64);
        int images = 64;
        codes = new byte[images * PIXELS];
        for (int r = 0; r < images; r++) {
            draw(r, codes, r * PIXELS);
        }
        order = new int[images];
        for (int i = 0; i < images; i++) {
            order[i] = (i * 37) % images;
        }
        batches = new Batch[] {new Batch(c, 8), new Batch(c, 32), new Batch(c, 64)};
    }

    private static float[] pattern(int size, float scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = scale * ((i * 41 % 97) / 48f - 1f);
        }
        return values;
    }

    /**
     * A stroke-like image: a box of lit pixels whose top, bottom and sides move with {@code r}, so that some
     * images leave the first 256 pixels blank (their top row is 10 or lower) and others do not.
     */
    static void draw(int r, byte[] into, int at) {
        int top = 3 + (r * 7) % 9;
        int bottom = Math.min(SIDE - 1, top + 10 + r % 8);
        int left = 4 + (r * 3) % 7;
        int right = Math.min(SIDE - 2, left + 11 + r % 5);
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if ((x * 5 + y * 3 + r) % 7 < 5) {
                    into[at + y * SIDE + x] = (byte) (40 + (x * 29 + y * 13 + r * 7) % 216);
                }
            }
        }
    }

    /**
     * The products of round {@code round}'s step alone, with the softmax and the column sums: a step without the
     * generated elementwise kernels.
     */
    void products(int round) {
        Batch b = gather(round);
        c.gemm(false, false, 1f, b.x, w1, 0f, b.z1);
        c.gemm(false, false, 1f, b.z1, w2, 0f, b.z2);
        c.softmaxRows(b.z2, b.dz2);
        c.gemm(true, false, 1f, b.z1, b.dz2, 0f, gw2);
        c.sumColumns(b.dz2, gb2);
        c.gemm(false, true, 1f, b.dz2, w2, 0f, b.dh);
        c.gemm(true, false, 1f, b.x, b.dh, 0f, gw1);
        c.sumColumns(b.dh, gb1);
    }

    /** The step of round {@code round}: gather, forward, loss gradient, backward, and the update of every parameter. */
    void run(int round) {
        if (update == null) {
            compileKernels();
        }
        Batch b = gather(round);
        c.gemm(false, false, 1f, b.x, w1, 0f, b.z1);
        c.apply(addBias, b.z1, b.z1, b1);
        c.apply(relu, b.h, b.z1);
        c.gemm(false, false, 1f, b.h, w2, 0f, b.z2);
        c.apply(addBias, b.z2, b.z2, b2);
        c.softmaxRows(b.z2, b.p);
        c.apply(lossGradient, b.dz2, b.p, b.t, scalars[3]);
        c.gemm(true, false, 1f, b.h, b.dz2, 0f, gw2);
        c.sumColumns(b.dz2, gb2);
        c.gemm(false, true, 1f, b.dz2, w2, 0f, b.dh);
        c.apply(reluGradient, b.dz1, b.z1, b.dh);
        c.gemm(true, false, 1f, b.x, b.dz1, 0f, gw1);
        c.sumColumns(b.dz1, gb1);
        step(w1Part, gw1Part, moments[0]);
        step(b1, gb1, moments[1]);
        step(w2, gw2, moments[2]);
        step(b2, gb2, moments[3]);
    }

    /** The first layer's weight gradient of the last step (pixels x hidden units). */
    Tensor firstLayerGradient() {
        return gw1;
    }

    private Batch gather(int round) {
        int rows = ROWS[round % ROWS.length];
        Batch b = rows == 8 ? batches[0] : rows == 32 ? batches[1] : batches[2];
        c.uploadByteRows(codes, 255f, PIXELS, order, (round * 8) % (order.length - rows + 1), b.x);
        return b;
    }

    private void compileKernels() {
        addBias = c.kernel(Expr.parse("z + b"), "z", "b");
        relu = c.kernel(Expr.parse("x > 0 ? x : 0"), "x");
        reluGradient = c.kernel(Expr.parse("g * (x > 0 ? 1 : 0)"), "x", "g");
        lossGradient = c.kernel(Expr.parse("(p - t) * s"), "p", "t", "s");
        // the form of an optimiser's moments-and-weights pass (Adam's): three outputs, scalars broadcast
        SequencedMap<String, Expr> steps = new LinkedHashMap<>();
        steps.put("m", Expr.parse("0.9 * m + 0.1 * g"));
        steps.put("v", Expr.parse("0.999 * v + 0.001 * g * g"));
        steps.put("w", Expr.parse("w - step_size * m / (sqrt(v * v_correction) + 1e-7)"));
        update = c.kernel(steps, "m", "v", "g", "w", "lr", "step_size", "v_correction");
    }

    private void step(Tensor w, Tensor g, Tensor[] mv) {
        c.apply(update, new Tensor[] {mv[0], mv[1], w}, mv[0], mv[1], g, w, scalars[0], scalars[1], scalars[2]);
    }

    /** The activations and gradients of one batch size. */
    private static final class Batch {
        final Tensor x;
        final Tensor z1;
        final Tensor h;
        final Tensor z2;
        final Tensor p;
        final Tensor t;
        final Tensor dz2;
        final Tensor dh;
        final Tensor dz1;

        Batch(CpuCompute c, int rows) {
            x = c.zeros(rows, PIXELS);
            z1 = c.zeros(rows, HIDDEN);
            h = c.zeros(rows, HIDDEN);
            z2 = c.zeros(rows, CLASSES);
            p = c.zeros(rows, CLASSES);
            t = c.zeros(rows, CLASSES);
            dz2 = c.zeros(rows, CLASSES);
            dh = c.zeros(rows, HIDDEN);
            dz1 = c.zeros(rows, HIDDEN);
            float[] oneHot = new float[rows * CLASSES];
            for (int r = 0; r < rows; r++) {
                oneHot[r * CLASSES + r % CLASSES] = 1f;
            }
            c.upload(oneHot, 0, t);
        }
    }
}
