package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.ComputeConfig;

/**
 * Exercises the backend's hot kernels on a background thread for up to 1.5 s after the bundle
 * starts, on throw-away tensors of its own, so that the JIT has compiled them to vector code by the
 * time a run needs them. Most rounds are a training step of an MLP on image-like rows
 * ({@link ImageStep}), so that the code is compiled with the branches a run on images takes; every
 * few rounds, products and kernels of other shapes ({@link OtherShapes}).
 *
 * <p>Why: until C2 compiles them, Vector API kernels run interpreted or in C1 with every vector
 * boxed, a hundred times slower; measured on MNIST, the first epoch of a run took about 1.4 s
 * against 0.56 s for the later ones. Started when the bundle activates, the warm-up overlaps the
 * host's boot and the run's data loading. The launcher has C2 compile this package's methods after a
 * tenth of the usual calls: at the usual thresholds the boxed code's own helpers reached C2's queue
 * first, and the products were still waiting when the run began. It touches no state that a run
 * uses, so it cannot change a result.
 */
public final class KernelWarmup implements Runnable {

    /** Long enough for the C2 compiles measured (about 0.6 s after first use), short enough not to matter. */
    private static final long BUDGET_NANOS = 1_500_000_000L;
    private static final int ROUNDS = 2_000;
    /** Every this many rounds, the products and kernels of other shapes than the image step's. */
    private static final int OTHER_SHAPES_EVERY = 8;
    /**
     * The first rounds run the image step's products alone. Why: Janino compiles the generated kernels slowly
     * in a JVM that has just started (measured: with the kernels compiled and the weights filled at random
     * first, the products were first called 1.2 s after the warm-up began, and none reached C2 before MNIST's
     * run did).
     */
    private static final int PRODUCTS_FIRST = 40;

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
            ImageStep image = new ImageStep(c);
            OtherShapes others = null;
            for (int round = 0; round < ROUNDS && !stopped && System.nanoTime() < until; round++) {
                if (round < PRODUCTS_FIRST) {
                    image.products(round);
                } else {
                    image.run(round);
                }
                rounds = round + 1;
                if (round >= PRODUCTS_FIRST && round % OTHER_SHAPES_EVERY == 0) {
                    if (others == null) {
                        others = new OtherShapes(c);
                    }
                    others.run();
                }
            }
        }
    }
}
