package org.synlab.spiking;

import org.synlab.spiking.internal.IntList;

/**
 * The spikes of one population as two parallel int arrays, (step, neuron), in the order they happened (by step,
 * then by neuron). A spike at step {@code t} happened at time {@code t·dt}. Compact on purpose: 8 bytes a spike,
 * no object per spike. To keep memory bounded over a long run, run in chunks and {@link #clear()} after handing each
 * chunk's spikes on (to the event bus, to disk).
 */
public final class SpikeRecorder {

    private final String population;
    private final int size;
    private final double dt;
    private final IntList steps = new IntList(1024);
    private final IntList neurons = new IntList(1024);

    SpikeRecorder(String population, int size, double dt) {
        this.population = population;
        this.size = size;
        this.dt = dt;
    }

    /** Appends the {@code count} neurons of {@code spiked} as firing at {@code step}. */
    void record(long step, int[] spiked, int count) {
        steps.reserve(count);
        neurons.reserve(count);
        for (int n = 0; n < count; n++) {
            steps.add((int) step);
            neurons.add(spiked[n]);
        }
    }

    /** Forgets the spikes recorded so far (between runs), keeping the buffers' capacity. */
    public void clear() {
        steps.clear();
        neurons.clear();
    }

    /** The population recorded. */
    public String population() {
        return population;
    }

    /** The number of neurons in the population. */
    public int populationSize() {
        return size;
    }

    /** The time step in milliseconds. */
    public double dt() {
        return dt;
    }

    /** The number of spikes recorded. */
    public int count() {
        return steps.size();
    }

    /** The step of spike {@code k}. */
    public int step(int k) {
        return steps.get(k);
    }

    /** The neuron of spike {@code k}. */
    public int neuron(int k) {
        return neurons.get(k);
    }

    /** The time of spike {@code k} in milliseconds. */
    public double timeMs(int k) {
        return steps.get(k) * dt;
    }

    /** A copy of all spike steps. */
    public int[] steps() {
        return steps.toArray();
    }

    /** A copy of all spiking neurons, parallel to {@link #steps()}. */
    public int[] neurons() {
        return neurons.toArray();
    }
}
