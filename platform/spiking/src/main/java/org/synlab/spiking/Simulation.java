package org.synlab.spiking;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.spiking.PopulationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.synlab.spiking.internal.IntList;
import org.synlab.spiking.internal.PoissonGenerator;
import org.synlab.spiking.internal.SpinBarrier;
import org.synlab.spiking.internal.SynapseOrder;

/**
 * A network built from a {@link NetworkSpec}, ready to step. Each step {@code t}: drain the delay ring slot of
 * {@code t} into the target variables and write current inputs; update every population with its kernel (spike
 * sources generate); record; deliver the spikes of {@code t} for arrival at {@code t + delay} (a one-step delay
 * straight into the target variable, ready for step {@code t+1}; longer ones into the ring).
 *
 * <p>Runs use {@code threads} threads: the calling thread plus {@code threads - 1} helpers, taken from the executor
 * if one was given (it must be able to run them all at once) or started for the run. Results are bit-for-bit the
 * same for any thread count. Add recorders before the first {@link #run}; a simulation is not thread-safe, run it
 * from one thread at a time.
 *
 * <p>Plastic projections ({@link Projection#withPlasticity}) run their rule's hooks after each step's delivery; the
 * run drives them between runs with {@link #reward}, {@link #beforePattern} and {@link #settle}, and reads or writes
 * the learned weights with {@link #connections} and {@link #setWeights}, in an order independent of the threads.
 */
public final class Simulation {

    private final NetworkSpec spec;
    private final int threads;
    private final Executor executor;
    private final List<RuntimePopulation> populations;
    private final List<RuntimeProjection> projections;
    private final StepLoop loop;
    private long step;
    private boolean failed;

    private Simulation(NetworkSpec spec, int threads, Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.spec = Objects.requireNonNull(spec, "spec");
        this.threads = threads;
        this.executor = executor;
        NetworkAssembler assembler = new NetworkAssembler(spec, threads);
        this.populations = assembler.populations();
        this.projections = assembler.projections(populations);
        this.loop = new StepLoop(populations.toArray(RuntimePopulation[]::new),
                projections.toArray(RuntimeProjection[]::new), threads);
    }

    /** Builds the network of {@code spec} to run on {@code threads} threads, starting helper threads per run. */
    public static Simulation create(NetworkSpec spec, int threads) {
        return new Simulation(spec, threads, null);
    }

    /** Builds the network of {@code spec} to run on {@code threads} threads, helpers taken from {@code executor}. */
    public static Simulation create(NetworkSpec spec, int threads, Executor executor) {
        return new Simulation(spec, threads, Objects.requireNonNull(executor, "executor"));
    }

    /** Records every spike of {@code population}. */
    public SpikeRecorder recordSpikes(String population) {
        RuntimePopulation p = population(population);
        checkNotStarted();
        SpikeRecorder recorder = new SpikeRecorder(p.name, p.size, spec.dt());
        p.spikeRecorderList.add(recorder);
        return recorder;
    }

    /** Records {@code variables} of {@code neurons} of a neuron population every {@code every} steps. */
    public StateRecorder recordState(String population, List<String> variables, int[] neurons, int every) {
        RuntimePopulation p = population(population);
        if (p.state == null) {
            throw new IllegalArgumentException("population " + population + " is a spike source; it has no state");
        }
        checkNotStarted();
        StateRecorder recorder = new StateRecorder(p.state, variables, neurons, every);
        p.stateRecorderList.add(recorder);
        return recorder;
    }

    /** Records the rate of {@code population} in bins of {@code binSteps} steps. */
    public RateRecorder recordRate(String population, int binSteps) {
        RuntimePopulation p = population(population);
        checkNotStarted();
        RateRecorder recorder = new RateRecorder(p.name, p.size, spec.dt(), binSteps);
        p.rateRecorderList.add(recorder);
        return recorder;
    }

    /** Runs for {@code durationMs} of biological time, rounded to whole steps. */
    public void run(double durationMs) {
        if (!(durationMs >= 0)) {
            throw new IllegalArgumentException("duration must be >= 0 ms, got " + durationMs);
        }
        runSteps(Math.round(durationMs / spec.dt()));
    }

    /** Runs {@code steps} more steps. */
    public void runSteps(long steps) {
        checkNotFailed();
        if (steps <= 0) {
            return;
        }
        long first = step;
        long end = Math.addExact(step, steps);
        if (end > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("runs are limited to 2^31 steps");
        }
        for (RuntimePopulation p : populations) {
            p.freeze();
            for (StateRecorder r : p.stateRecorders) {
                r.reserve(end);
            }
            for (RateRecorder r : p.rateRecorders) {
                r.reserve(end);
            }
        }
        try {
            if (threads == 1) {
                loop.run(0, first, end, null);
            } else {
                runParallel(first, end);
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
        step = end;
        for (RuntimePopulation p : populations) {
            for (StateRecorder r : p.stateRecorders) {
                r.commit(end);
            }
            for (RateRecorder r : p.rateRecorders) {
                r.commit(end);
            }
        }
    }

    private void runParallel(long first, long end) {
        SpinBarrier barrier = new SpinBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads - 1);
        for (int k = 1; k < threads; k++) {
            int part = k;
            Runnable helper = () -> {
                try {
                    runPart(part, first, end, barrier, failure);
                } finally {
                    done.countDown();
                }
            };
            if (executor != null) {
                executor.execute(helper);
            } else {
                Thread.ofPlatform().daemon().name("synlab-spiking-" + k).start(helper);
            }
        }
        runPart(0, first, end, barrier, failure);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            barrier.breakBarrier();
            throw new IllegalStateException("interrupted while the simulation threads finish", e);
        }
        Throwable cause = failure.get();
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
    }

    private void runPart(int k, long first, long end, SpinBarrier barrier, AtomicReference<Throwable> failure) {
        try {
            loop.run(k, first, end, barrier);
        } catch (SpinBarrier.BrokenException e) {
            // another thread failed first and recorded why
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            barrier.breakBarrier();
        }
    }

    /** The time step in milliseconds. */
    public double dt() {
        return spec.dt();
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /** The spec this network was built from. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The number of steps run so far, which is also the index of the next step. */
    public long steps() {
        return step;
    }

    /** The biological time simulated so far, in milliseconds. */
    public double timeMs() {
        return step * spec.dt();
    }

    /** The live state of a neuron population; read or set it only between runs. */
    public PopulationState state(String population) {
        RuntimePopulation p = population(population);
        if (p.state == null) {
            throw new IllegalArgumentException("population " + population + " is a spike source; it has no state");
        }
        return p.state;
    }

    /** The spikes {@code population} has fired so far, recorded or not. */
    public long spikeCount(String population) {
        return population(population).spikeTotal;
    }

    /** The spikes of all populations and sources so far. */
    public long spikeCount() {
        long total = 0;
        for (RuntimePopulation p : populations) {
            total += p.spikeTotal;
        }
        return total;
    }

    /** The synaptic events delivered so far: for every spike, the out-degree of its neuron in each projection. */
    public long synapticEvents() {
        return loop.events();
    }

    /** The number of synapses of the named projection. */
    public int synapseCount(String projection) {
        return projection(projection).synapses;
    }

    /** The number of synapses of all projections. */
    public long synapseCount() {
        long total = 0;
        for (RuntimeProjection p : projections) {
            total += p.synapses;
        }
        return total;
    }

    /**
     * The synapses of the named projection, by presynaptic neuron, then delay, then target: the same order on any
     * thread count. The weights are the current ones; a plastic projection is {@linkplain #settle() settled} first.
     */
    public Connections connections(String projection) {
        RuntimeProjection p = projection(projection);
        settle(p);
        IntList pre = new IntList(p.synapses);
        IntList post = new IntList(p.synapses);
        IntList delay = new IntList(p.synapses);
        float[] weight = new float[p.synapses];
        SynapseOrder.forEach(p.slices, p.pre.size, (i, d, slice, q) -> {
            weight[pre.size()] = slice.weight(q);
            pre.add(i);
            post.add(slice.target(q));
            delay.add(d);
        });
        return new Connections(pre.toArray(), post.toArray(), weight, delay.toArray());
    }

    /**
     * Replaces the weights of the named projection, given in the order of {@link #connections(String)} (for example
     * weights learned and saved by an earlier run, on any thread count). Later spikes carry them; spikes already on
     * their way keep the weights they left with. Call between runs.
     *
     * @throws IllegalArgumentException if {@code weights} does not have one entry per synapse, or one is not finite,
     *         or negative on an excitatory projection
     */
    public void setWeights(String projection, float[] weights) {
        RuntimeProjection p = projection(projection);
        if (weights.length != p.synapses) {
            throw new IllegalArgumentException("projection " + projection + " has " + p.synapses + " synapses, got "
                    + weights.length + " weights");
        }
        boolean excitatory = p.spec.sign() == Sign.EXCITATORY;
        for (int s = 0; s < weights.length; s++) {
            if (!Float.isFinite(weights[s]) || (excitatory && weights[s] < 0)) {
                throw new IllegalArgumentException("projection " + projection + ": weight " + s + " is "
                        + weights[s] + (excitatory ? "; excitatory weights must be finite and >= 0" : ""));
            }
        }
        // a deferred rule must finish its pending updates before they are overwritten, not after
        settle(p);
        int[] next = {0};
        SynapseOrder.forEach(p.slices, p.pre.size, (i, d, slice, q) -> slice.setWeight(q, weights[next[0]++]));
    }

    /**
     * Changes the rates (Hz) of a Poisson source from the next step on, one per neuron: a new input pattern, such as
     * an image's pixels as rates. The spec keeps the rates it was built with. Call between runs.
     *
     * @throws IllegalArgumentException if the population is not a Poisson source, or the rates do not fit it
     */
    public void setRates(String source, double[] ratesHz) {
        RuntimePopulation p = population(source);
        if (!(p.generator instanceof PoissonGenerator generator)) {
            throw new IllegalArgumentException("population " + source + " is not a Poisson source");
        }
        try {
            generator.setRates(ratesHz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Poisson source " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the plastic projections a reward (or dopamine) signal for the next step, {@link #steps()}: each of their
     * states gets {@code Plasticity.reward(value, steps())} after that step's spikes. Several calls before the step
     * runs add up. Rules that are not reward-modulated ignore it.
     */
    public void reward(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reward must be a finite number, got " + value);
        }
        loop.reward(step, loop.pendingReward(step) + value);
    }

    /**
     * Marks the next step, {@link #steps()}, as the first of a new input pattern: every plastic projection's states
     * get {@code Plasticity.beforePattern(steps())} now, before that step's neuron update (Diehl and Cook normalise
     * each neuron's incoming weights before each image). Call between runs.
     */
    public void beforePattern() {
        checkNotFailed();
        for (RuntimeProjection p : projections) {
            if (p.plasticity != null) {
                for (Plasticity state : p.plasticity) {
                    state.beforePattern(step);
                }
            }
        }
    }

    /**
     * Turns learning on or off from the next run: while off, plastic projections keep their weights and their rules'
     * traces see no spikes (a trained network being labelled or tested). Call between runs; learning starts on.
     */
    public void setLearning(boolean on) {
        if (!on) {
            settle();
        }
        loop.learning(on);
    }

    /**
     * Times the phases of each step from the next run ({@link #phaseSeconds}), at the cost of a clock read between
     * phases (about 20 ns each). With several threads, the times are those of the calling thread, and the others'
     * share of the work shows as the wait at the step's barrier. Call between runs.
     */
    public void timePhases(boolean on) {
        loop.timed(on);
    }

    /**
     * The time the calling thread spent, while {@linkplain #timePhases timed}, in each phase of a step: {@code
     * neurons} (kernels with their inputs), {@code sources} (Poisson and spike-time generators), {@code delivery},
     * {@code plasticity}, and {@code recording_and_sync} (recorders and the step barrier), in seconds.
     */
    public Map<String, Double> phaseSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (StepLoop.Phase phase : StepLoop.Phase.values()) {
            out.put(phase.name().toLowerCase(Locale.ROOT), loop.phaseNanos(phase) * 1e-9);
        }
        return out;
    }

    /**
     * Brings the weights of every plastic projection up to date at step {@link #steps()} ({@code
     * Plasticity.settle}), for a rule that defers updates; call before reading or saving weights by other means than
     * {@link #connections(String)}, which settles by itself.
     */
    public void settle() {
        for (RuntimeProjection p : projections) {
            settle(p);
        }
    }

    private void settle(RuntimeProjection p) {
        if (p.plasticity != null) {
            for (Plasticity state : p.plasticity) {
                state.settle(step);
            }
        }
    }

    private void checkNotFailed() {
        if (failed) {
            throw new IllegalStateException("an earlier run failed; the network state is inconsistent");
        }
    }

    private RuntimePopulation population(String name) {
        return populations.get(spec.indexOf(name));
    }

    private RuntimeProjection projection(String name) {
        for (RuntimeProjection p : projections) {
            if (p.spec.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no projection named '" + name + "'");
    }

    private void checkNotStarted() {
        if (step > 0) {
            throw new IllegalStateException("add recorders before the first run");
        }
    }
}
