package org.synlab.engine.internal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Function;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Tensor;

/**
 * Trains a throwaway copy of the run's network on the run's own batches before the measured loop, so that
 * the JIT has compiled the kernels a training step calls when the first real step starts: the counterpart of
 * the spiking runner's warm-up copy, counted like it outside the training time ({@code warm_up_seconds},
 * {@code warm_up_steps}).
 *
 * <p>Why: a backend's Vector API kernels run boxed, tens of times slower, until C2 has compiled them. On MNIST
 * the first epoch took 0.72-1.0 s against 0.225-0.30 s for the later ones; steps 2 to 100 took 3-8 ms each
 * against 0.25 ms once compiled, so a run's throughput depended on how long it waited for the compiler.
 *
 * <p>The copy first runs on one thread, so that the compiler threads have the machine's other cores (with a
 * run's helper threads spinning beside it, the first epoch of a 2-thread run took 0.7-1.0 s more than on one
 * thread), then, for a run on several threads, on as many threads as the run, which compiles the code that
 * hands tasks to them. Each phase has a {@link Compute} of its own, closed afterwards, which frees its tensors.
 * The copy reads the run's data but writes none of the run's state: its network, optimiser state, loss
 * scratch and batches are its own, and every random stream it draws is keyed by its own step numbers, so the
 * run's results are those of a run without it.
 */
final class TrainingWarmUp {

    /** At least these steps on one thread: the step time settled after about 300 (250 us on MNIST, from 8 ms at first). */
    static final int SINGLE_THREAD_STEPS = 300;
    /** Then at least these on the run's threads, when it has several. */
    static final int RUN_THREADS_STEPS = 100;
    /**
     * Past its minimum, a phase ends at the first check that finds the JIT idle since the one before (no
     * compilation time added), or the step time settled ({@link #SETTLED}), or after {@link #MAX_STEPS}.
     */
    static final int CHECK_EVERY = 50;
    /**
     * The step time has settled when the last {@link #CHECK_EVERY} steps were at most this many times faster
     * than the stretch before and at most this many times slower than the fastest so far. Why not wait for an
     * idle JIT alone: its counter
     * is the whole JVM's, and small compiles went on ticking it long after the step had stopped getting
     * faster (on MNIST, stretches of 50 steps took 14-16 ms from step 200 to step 850 while the warm-up
     * waited, 0.1-0.25 s of a 0.75-1.1 s warm-up).
     */
    static final double SETTLED = 1.25;
    static final int MAX_STEPS = 3_000;
    /**
     * Most steps train on batches this many times smaller than the run's: the JIT counts calls and loop
     * iterations, not rows, and until it has compiled a kernel each row costs tens of times what it will.
     */
    static final int SMALL_FRACTION = 8;
    /** Every this many steps, one batch of the run's size, and one of the size an epoch's last batch has. */
    static final int SHAPES_EVERY = 10;
    /** A shorter run warms up on its own steps: the copy would add more than a fifth to its work. */
    static final long MIN_RUN_STEPS = 5L * (SINGLE_THREAD_STEPS + RUN_THREADS_STEPS);
    /**
     * Nor does a run of less work than this (parameters x batch rows x steps, about a multiply-add each):
     * XOR's 17 parameters take milliseconds to train, less than a warm-up would cost. MNIST's MLP does
     * 6e10.
     */
    static final double MIN_RUN_WORK = 1e8;

    private TrainingWarmUp() {
    }

    /**
     * Whether a run of {@code steps} training steps of a network of {@code parameters} on a table of
     * {@code rows} rows warms up first.
     */
    static boolean applies(RunPlan plan, long steps, long parameters, int rows, int batchSize) {
        return plan.gradientRule() != null && plan.loss() != null && rows >= batchSize && steps >= MIN_RUN_STEPS
                && (double) parameters * batchSize * steps >= MIN_RUN_WORK;
    }

    /**
     * Trains copies of the network that {@code build} makes on a given compute, with the run's rule and loss,
     * on consecutive rows of {@code table}, in batches of the shapes the run's epochs will have.
     *
     * @return the number of steps run
     */
    static int run(RunPlan plan, Function<Compute, Network> build, DataTable table, int batchSize) {
        int threads = plan.spec().threads();
        int steps = phase(plan, build, table, batchSize, 1, SINGLE_THREAD_STEPS);
        if (threads > 1) {
            steps += phase(plan, build, table, batchSize, threads, RUN_THREADS_STEPS);
        }
        return steps;
    }

    private static int phase(RunPlan plan, Function<Compute, Network> build, DataTable table, int batchSize,
                             int threads, int minSteps) {
        try (Compute compute = plan.backend().open(new ComputeConfig(threads, plan.spec().seed()))) {
            Network network = build.apply(compute);
            LossTerm loss = new LossTerm(compute, plan.loss(), plan.lossParams(), network.output().neuronName);
            Learner learner = Learner.gradient(compute, network, loss, plan.gradientRule(), plan.ruleParams());
            BatchTensors batches = new BatchTensors(compute, table.features, table.outputs);
            float[] yStage = new float[batchSize * table.outputs];
            float[] predicted = new float[batchSize * table.outputs];
            float rate = (float) plan.ruleParams().number("lr");
            // consecutive rows, but through gather as the run's shuffled batches go (not gatherRange), so that
            // the copy the run makes is compiled too
            int[] order = new int[table.rows];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            int fullBatches = table.rows / batchSize;
            int tail = table.rows % batchSize;
            int small = Math.max(1, batchSize / SMALL_FRACTION);
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
            long compiling = monitored ? jit.getTotalCompilationTime() : 0;
            StepTimes times = new StepTimes(System.nanoTime());
            int step = 1;
            for (; step <= MAX_STEPS; step++) {
                if (step % CHECK_EVERY == 0) {
                    long now = monitored ? jit.getTotalCompilationTime() : compiling;
                    boolean settled = times.settled(System.nanoTime());
                    if (step >= minSteps && (now == compiling || settled)) {
                        break;
                    }
                    compiling = now;
                }
                // an epoch ends with a shorter batch when the rows do not divide: code C2 compiled without
                // ever seeing one is thrown away when the run meets it (measured: the weight gradient's
                // sparse product ran boxed for 0.3 s of the first epoch)
                int rows = step % SHAPES_EVERY == 0 ? batchSize
                        : tail > 0 && step % SHAPES_EVERY == SHAPES_EVERY / 2 ? tail : small;
                BatchTensors.Batch batch = batches.of(rows);
                int from = (step % fullBatches) * batchSize;
                table.gather(order, from, rows, yStage, compute, batch.x, batch.y);
                Tensor out = network.forward(batch.x, true, step);
                loss.value(out, batch.y, batch.lossScratch);
                compute.download(out, predicted, 0);
                learner.learn(batch.x, batch.y, out, step, rate);
            }
            return step - 1;
        }
    }

    /**
     * The time of each stretch of {@link #CHECK_EVERY} steps, and whether the last one says the step time has
     * settled: it was neither more than {@link #SETTLED} times faster than the stretch before (still
     * improving) nor more than {@link #SETTLED} times slower than the fastest so far (still compiling).
     */
    static final class StepTimes {
        private long start;
        private long previous = Long.MAX_VALUE;
        private long fastest = Long.MAX_VALUE;

        StepTimes(long start) {
            this.start = start;
        }

        /** Ends the stretch under way at {@code now} (nanoseconds); whether the step time has settled. */
        boolean settled(long now) {
            long stretch = now - start;
            start = now;
            boolean settled = stretch * SETTLED >= previous && stretch <= SETTLED * fastest;
            previous = stretch;
            fastest = Math.min(fastest, stretch);
            return settled;
        }
    }
}
