package org.synlab.spiking;

import org.synlab.api.plasticity.Plasticity;
import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.SpinBarrier;
import org.synlab.spiking.internal.SynapseSlice;

/**
 * The time-step loop one thread runs. Thread {@code k} owns range {@code k} of every population, both as neurons to
 * update and as targets to deliver to, so a step needs one barrier: between computing the spikes of step {@code t}
 * (everyone's spikes are needed for delivery) and delivering them. Delivery of step {@code t} and the drain of step
 * {@code t+1} touch only the thread's own targets (one-step delays land directly in the target variables, which the
 * thread's own update of {@code t} has finished with), so no barrier is needed between them. Thread 0 also records.
 *
 * <p>A plastic projection runs its hooks right after its own delivery, in the order {@link Plasticity} documents:
 * the presynaptic spikes of {@code t} (all threads' ranges, ascending), then the postsynaptic spikes of the thread's
 * own range, then the reward, then the end of the step. Thread {@code k} changes only the weights of slice {@code k},
 * which only thread {@code k} delivers from, so the delivery of {@code t} always carries the weights from before the
 * plasticity of {@code t}, and what a delayed spike carries is fixed when it enters the ring, whatever the threads.
 */
final class StepLoop {

    /** Per-thread event counters sit a cache line apart to avoid false sharing. */
    private static final int PAD = 8;
    private final RuntimePopulation[] populations;
    private final RuntimeProjection[] projections;
    private final int threads;
    private final long[] events;
    /** The step the pending reward is for, or -1; written only between runs. */
    private long rewardStep = -1;
    private double rewardValue;
    /** Whether plastic projections run their rules; written only between runs. */
    private boolean learning = true;
    /** Whether thread 0 times the phases of each step into {@link #phaseNanos}; written only between runs. */
    private boolean timed;
    private final long[] phaseNanos = new long[Phase.values().length];

    /** The parts of a step, as {@link Simulation#phaseSeconds} reports them. */
    enum Phase {
        /** Neuron kernels, with the drain of the delay rings and the current and noise inputs they read. */
        NEURONS,
        /** Spike sources: Poisson and spike-time generators. */
        SOURCES,
        /** Synaptic delivery of the step's spikes. */
        DELIVERY,
        /** The plasticity rules' per-step hooks. */
        PLASTICITY,
        /** Spike, rate and state recorders, and the wait for the other threads at the step's barrier. */
        RECORDING_AND_SYNC
    }

    StepLoop(RuntimePopulation[] populations, RuntimeProjection[] projections, int threads) {
        this.populations = populations;
        this.projections = projections;
        this.threads = threads;
        this.events = new long[threads * PAD];
    }

    /** Runs steps {@code [first, end)} as thread {@code k}; {@code barrier} is null for one thread. */
    void run(int k, long first, long end, SpinBarrier barrier) {
        if (timed && k == 0) {
            runTimed(first, end, barrier);
            return;
        }
        for (long t = first; t < end; t++) {
            int parity = (int) (t & 1);
            for (RuntimePopulation p : populations) {
                update(p, k, t, parity);
            }
            if (barrier != null) {
                barrier.await(k);
            }
            if (k == 0) {
                record(t, parity);
            }
            long delivered = 0;
            for (RuntimeProjection j : projections) {
                delivered += deliver(j, k, t, parity);
                if (learning && j.plasticity != null) {
                    learn(j, k, t, parity);
                }
            }
            events[k * PAD] += delivered;
        }
    }

    /** The loop of thread 0 with a clock read between phases: the same work in the same order as {@link #run}. */
    private void runTimed(long first, long end, SpinBarrier barrier) {
        long[] nanos = phaseNanos;
        long before = System.nanoTime();
        for (long t = first; t < end; t++) {
            int parity = (int) (t & 1);
            for (RuntimePopulation p : populations) {
                update(p, 0, t, parity);
                long now = System.nanoTime();
                nanos[(p.kernel != null ? Phase.NEURONS : Phase.SOURCES).ordinal()] += now - before;
                before = now;
            }
            if (barrier != null) {
                barrier.await(0);
            }
            record(t, parity);
            long now = System.nanoTime();
            nanos[Phase.RECORDING_AND_SYNC.ordinal()] += now - before;
            before = now;
            long delivered = 0;
            for (RuntimeProjection j : projections) {
                delivered += deliver(j, 0, t, parity);
                now = System.nanoTime();
                nanos[Phase.DELIVERY.ordinal()] += now - before;
                before = now;
                if (learning && j.plasticity != null) {
                    learn(j, 0, t, parity);
                    now = System.nanoTime();
                    nanos[Phase.PLASTICITY.ordinal()] += now - before;
                    before = now;
                }
            }
            events[0] += delivered;
        }
    }

    /** Turns the plastic projections' rules on or off from the next run; call only between runs. */
    void learning(boolean on) {
        learning = on;
    }

    /** Turns the phase clock of thread 0 on or off from the next run; call only between runs. */
    void timed(boolean on) {
        timed = on;
    }

    /** Thread 0's time in {@code phase} so far while timed, in nanoseconds; call only between runs. */
    long phaseNanos(Phase phase) {
        return phaseNanos[phase.ordinal()];
    }

    private static void update(RuntimePopulation p, int k, long t, int parity) {
        int from = p.partition.from(k);
        int to = p.partition.to(k);
        int[] out = p.spikes[k][parity];
        int count = 0;
        if (from < to) {
            if (p.kernel != null) {
                DelayBuffer[] buffers = p.buffers;
                for (int b = 0; b < buffers.length; b++) {
                    buffers[b].drain(t, k, from, to);
                }
                for (var input : p.inputs) {
                    input.apply(t, from, to);
                }
                for (var input : p.noise) {
                    input.apply(t, from, to);
                }
                count = p.kernel.update(p.state, t, from, to, out);
                for (StateRecorder r : p.stateRecorders) {
                    if (r.due(t)) {
                        r.write(t, p.state, from, to);
                    }
                }
            } else {
                count = p.generator.generate(t, k, from, to, out);
            }
        }
        p.counts[2 * k + parity] = count;
    }

    private long deliver(RuntimeProjection j, int k, long t, int parity) {
        SynapseSlice slice = j.slices[k];
        if (slice.size() == 0) {
            return 0;
        }
        DelayBuffer buffer = j.buffer;
        int nowSlot = buffer.slot(t);
        RuntimePopulation pre = j.pre;
        long delivered = 0;
        // sources in ascending order: thread ranges are ascending and each range's spikes are ascending
        for (int m = 0; m < threads; m++) {
            delivered += slice.deliver(pre.spikes[m][parity], pre.counts[2 * m + parity], buffer, nowSlot, k);
        }
        return delivered;
    }

    /** The hooks of slice {@code k}'s state for the spikes of step {@code t}, after their delivery. */
    private void learn(RuntimeProjection j, int k, long t, int parity) {
        Plasticity state = j.plasticity[k];
        SynapseSlice slice = j.slices[k];
        RuntimePopulation pre = j.pre;
        // every presynaptic spike, even with no synapse in this slice: the state's presynaptic traces must see it
        for (int m = 0; m < threads; m++) {
            int[] spikes = pre.spikes[m][parity];
            int count = pre.counts[2 * m + parity];
            for (int n = 0; n < count; n++) {
                int i = spikes[n];
                state.preSpike(i, slice.rowBegin(i), slice.rowEnd(i), t);
            }
        }
        // only this thread's postsynaptic range: every incoming synapse of those neurons is in this slice
        RuntimePopulation post = j.post;
        int[] spikes = post.spikes[k][parity];
        int count = post.counts[2 * k + parity];
        for (int n = 0; n < count; n++) {
            state.postSpike(spikes[n], t);
        }
        if (t == rewardStep) {
            state.reward(rewardValue, t);
        }
        state.endStep(t);
    }

    /** Sets the reward that step {@code step} passes to the plastic projections; call only between runs. */
    void reward(long step, double value) {
        rewardStep = step;
        rewardValue = value;
    }

    /** The reward pending for step {@code step}, 0 if none; call only between runs. */
    double pendingReward(long step) {
        return step == rewardStep ? rewardValue : 0;
    }

    private void record(long t, int parity) {
        for (RuntimePopulation p : populations) {
            int total = 0;
            for (int m = 0; m < threads; m++) {
                int count = p.counts[2 * m + parity];
                total += count;
                for (SpikeRecorder r : p.spikeRecorders) {
                    r.record(t, p.spikes[m][parity], count);
                }
            }
            for (RateRecorder r : p.rateRecorders) {
                r.add(t, total);
            }
            p.spikeTotal += total;
        }
    }

    /** The synaptic events delivered so far, summed over threads; call only between runs. */
    long events() {
        long sum = 0;
        for (int k = 0; k < threads; k++) {
            sum += events[k * PAD];
        }
        return sum;
    }
}
