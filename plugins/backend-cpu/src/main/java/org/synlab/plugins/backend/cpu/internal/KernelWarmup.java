package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.ComputeConfig;
import org.synlab.api.Distribution;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Exercises the backend's hot kernels on a background thread for about a second after the bundle
 * starts, on throw-away tensors of its own, so that the JIT has compiled them to vector code by the
 * time a run needs them.
 *
 * <p>Why: until C2 compiles them, Vector API kernels run interpreted or in C1 with every vector
 * boxed, a hundred times slower; measured on MNIST, the first epoch of a run took about 1.4 s
 * against 0.56 s for the later ones. Started when the bundle activates, the warm-up overlaps the
 * host's boot and the run's data loading, on the core those leave idle. It touches no state that a
 * run uses, so it cannot change a result.
 */
public final class KernelWarmup implements Runnable {

    /** Long enough for the C2 compiles measured (about 0.6 s after first use), short enough not to matter. */
    private static final long BUDGET_NANOS = 1_500_000_000L;
    private static final int ROUNDS = 400;

    private final Thread thread;
    private volatile boolean stopped;
    private volatile int rounds;
    private volatile RuntimeException failure;

    private KernelWarmup() {
        this.thread = new Thread(this, "synlab-cpu-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts warming up in the background. */
    public static KernelWarmup start() {
        KernelWarmup warmup = new KernelWarmup();
        warmup.thread.start();
        return warmup;
    }

    /**
     * Ends the warm-up soon, without waiting: a run has started multiplying, and from then on the
     * warm-up would take a core from the run's own threads (measured: a 2-thread MNIST run lost a
     * third of its speed while the warm-up was still going).
     */
    public void halt() {
        stopped = true;
    }

    /** Stops early (the bundle is stopping) and waits for the thread to end, so it holds no class of the bundle. */
    public void stop() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rounds completed so far. */
    public int rounds() {
        return rounds;
    }

    /** What ended the warm-up early, or null: a failure here only costs speed, so it is kept, not thrown. */
    public RuntimeException failure() {
        return failure;
    }

    /** Whether the warm-up thread has ended. */
    public boolean finished() {
        return !thread.isAlive();
    }

    @Override
    public void run() {
        try {
            warmUp();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void warmUp() {
        long until = System.nanoTime() + BUDGET_NANOS;
        try (CpuCompute c = new CpuCompute(new ComputeConfig(1, 0), closed -> { })) {
            // shapes that reach the wide and narrow micro-kernels, both transposes and edge tiles
            Tensor a = c.zeros(40, 300);
            Tensor b = c.zeros(300, 72);
            Tensor ab = c.zeros(40, 72);
            Tensor narrowB = c.zeros(300, 10);
            Tensor narrowC = c.zeros(40, 10);
            Tensor dw = c.zeros(300, 72);
            Tensor bias = c.zeros(72);
            Tensor scalar = c.zeros(1);
            c.random(a, Distribution.UNIFORM, -1f, 1f, 1);
            c.random(b, Distribution.UNIFORM, -1f, 1f, 2);
            c.random(narrowB, Distribution.UNIFORM, -1f, 1f, 4);
            c.fill(scalar, 0.5f);
            // an operand 80% zeros, as a batch of MNIST pixels is, for the zero-skipping products
            // (SparseGemm), with b wide enough for a full strip of columns and a partial one
            Tensor sparse = c.zeros(40, 300);
            Tensor wideB = c.zeros(300, 136);
            Tensor wideC = c.zeros(40, 136);
            Tensor wideDw = c.zeros(300, 136);
            c.random(sparse, Distribution.UNIFORM, -4f, 1f, 5);
            c.random(wideB, Distribution.UNIFORM, -1f, 1f, 6);
            // a batch gathered from 8-bit codes, as image datasets' rows are (uploadByteRows)
            byte[] codes = new byte[64 * 300];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (byte) (i * 37);
            }
            int[] rowOrder = {5, 63, 0, 17, 42, 8, 31, 2, 60, 11, 29, 50, 3, 44, 21, 9, 38, 57, 14, 26, 33, 1, 48, 19,
                    55, 7, 40, 24, 61, 12, 36, 46, 4, 52, 28, 15, 59, 22, 10, 34};
            Tensor gathered = c.zeros(40, 300);
            // the operators a training step uses: affine, activations, losses, optimiser updates
            Kernel[] kernels = {
                    c.kernel(Expr.parse("z + b"), "z", "b"),
                    c.kernel(Expr.parse("x > 0 ? x : 0"), "x"),
                    c.kernel(Expr.parse("g * (x > 0 ? 1 : 0)"), "x", "g"),
                    c.kernel(Expr.parse("x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))"), "x"),
                    c.kernel(Expr.parse("-t * log(clip(x, 1e-7, 1))"), "x", "t"),
                    c.kernel(Expr.parse("(x - t) * s"), "x", "t", "s"),
                    c.kernel(Expr.parse("0.9 * x + 0.1 * t"), "x", "t"),
                    c.kernel(Expr.parse("0.999 * x + 0.001 * t * t"), "x", "t"),
                    c.kernel(Expr.parse("x - s * t / (sqrt(t * s) + 1e-7)"), "x", "t", "s"),
            };
            c.apply(kernels[1], sparse, sparse); // ReLU: 20% of the values stay
            for (int round = 0; round < ROUNDS && !stopped && System.nanoTime() < until; round++) {
                c.gemm(false, false, 1f, sparse, wideB, 0f, wideC);
                c.gemm(true, false, 1f, sparse, wideC, 0f, wideDw);
                c.gemm(false, false, 1f, a, b, 0f, ab);
                c.gemm(true, false, 1f, a, ab, 0f, dw);
                c.gemm(false, true, 1f, ab, b, 0f, a);
                c.gemm(false, false, 1f, a, narrowB, 0f, narrowC);
                c.apply(kernels[0], ab, ab, bias);
                for (int k = 1; k < kernels.length; k++) {
                    Kernel kernel = kernels[k];
                    Tensor[] inputs = new Tensor[kernel.inputs().size()];
                    for (int i = 0; i < inputs.length; i++) {
                        inputs[i] = kernel.inputs().get(i).equals("s") ? scalar : ab;
                    }
                    c.apply(kernel, ab, inputs);
                }
                c.fill(ab, 0.25f); // keep the values tame: the products above would grow without bound
                c.uploadByteRows(codes, 255f, 300, rowOrder, 0, gathered);
                c.sumColumns(ab, bias);
                c.softmaxRows(narrowC, narrowC);
                rounds = round + 1;
            }
        }
    }
}
