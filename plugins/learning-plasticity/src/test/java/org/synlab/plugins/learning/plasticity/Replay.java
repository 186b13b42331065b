package org.synlab.plugins.learning.plasticity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.synlab.api.plasticity.Plasticity;

/**
 * Plays known spike trains into a {@link Plasticity} in the order the runtime promises: step by step, the
 * presynaptic spikes of a step (ascending neuron, each with its CSR row) before its postsynaptic spikes, then the
 * reward of the step. Times are given in ms and turned into steps of {@link #DT}.
 */
final class Replay {

    /** The step used by the spike-based tests: 0.1 ms, so every offset in whole 0.1 ms is exact. */
    static final double DT = 1e-4;

    private record Event(long step, int kind, int neuron, double value) {
    }

    private static final int PRE = 0;
    private static final int POST = 1;
    private static final int REWARD = 2;

    private final Plasticity plasticity;
    private final int[] rowPtr;
    private final List<Event> events = new ArrayList<>();

    Replay(Plasticity plasticity, int[] rowPtr) {
        this.plasticity = plasticity;
        this.rowPtr = rowPtr;
    }

    static long step(double ms) {
        return Math.round(ms * 1e-3 / DT);
    }

    Replay pre(int neuron, double... ms) {
        for (double t : ms) {
            events.add(new Event(step(t), PRE, neuron, 0));
        }
        return this;
    }

    Replay post(int neuron, double... ms) {
        for (double t : ms) {
            events.add(new Event(step(t), POST, neuron, 0));
        }
        return this;
    }

    Replay reward(double value, double ms) {
        events.add(new Event(step(ms), REWARD, 0, value));
        return this;
    }

    /** Runs every event recorded so far, then forgets them. */
    void run() {
        events.sort(Comparator.comparingLong(Event::step).thenComparingInt(Event::kind)
                .thenComparingInt(Event::neuron));
        for (Event e : events) {
            switch (e.kind()) {
                case PRE -> plasticity.preSpike(e.neuron(), rowPtr[e.neuron()], rowPtr[e.neuron() + 1], e.step());
                case POST -> plasticity.postSpike(e.neuron(), e.step());
                default -> plasticity.reward(e.value(), e.step());
            }
        }
        events.clear();
    }
}
