package org.synlab.spiking;

import org.synlab.spiking.internal.DelayBuffer;
import org.synlab.spiking.internal.SpinBarrier;
import org.synlab.spiking.internal.SynapseSlice;

/**
 * The time-step loop one thread runs. Thread {@code k} owns range {@code k} of every population, both as neurons to
 * update and as targets to deliver to, so a step needs one barrier: between computing the spikes of step {@code t}
 * (everyone's spikes are needed for delivery) and delivering them. Delivery of step {@code t} and the drain of step
 * {@code t+1} touch only the thread's own targets (one-step delays land directly in the target variables, which the
 * thread's own update of {@code t} has finished with), so no barrier is needed between them. Thread 0 also records.
 */
final class StepLoop {

    /** Per-thread event counters sit a cache line apart to avoid false sharing. */
    private static final int PAD = 8;
    private final RuntimePopulation[] populations;
    private final RuntimeProjection[] projections;
    private final int threads;
    private final long[] events;

    StepLoop(RuntimePopulation[] populations, RuntimeProjection[] projections, int threads) {
        this.populations = populations;
        this.projections = projections;
        this.threads = threads;
        this.events = new long[threads * PAD];
    }

    /** Runs steps {@code [first, end)} as thread {@code k}; {@code barrier} is null for one thread. */
    void run(int k, long first, long end, SpinBarrier barrier) {
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
            }
            events[k * PAD] += delivered;
        }
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
