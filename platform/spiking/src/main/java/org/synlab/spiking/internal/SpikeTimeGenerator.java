package org.synlab.spiking.internal;

import java.util.Arrays;

/**
 * Spikes at given times. The (step, neuron) events are sorted by step then neuron and grouped by partition range,
 * and each range walks its own events forward with its own cursor, so a step costs only the spikes it emits.
 */
public final class SpikeTimeGenerator implements SpikeGenerator {

    private static final int NEURON_BITS = 24;
    private static final long NEURON_MASK = (1L << NEURON_BITS) - 1;
    private final long[] events;
    private final int[] cursor;
    private final int[] end;

    /** Neurons firing at {@code timesMs[i]}, rounded to steps of {@code dt}, served in the ranges of {@code partition}. */
    public SpikeTimeGenerator(double[][] timesMs, double dt, Partition partition) {
        if (timesMs.length > 1 << NEURON_BITS) {
            throw new IllegalArgumentException("spike-time source too large: " + timesMs.length + " neurons");
        }
        int total = 0;
        for (double[] times : timesMs) {
            total += times.length;
        }
        long[] all = new long[total];
        int n = 0;
        for (int i = 0; i < timesMs.length; i++) {
            for (double t : timesMs[i]) {
                all[n++] = (Math.round(t / dt) << NEURON_BITS) | i;
            }
        }
        // one spike per neuron and step, in (step, neuron) order
        long[] sorted = Arrays.stream(all).sorted().distinct().toArray();
        int parts = partition.parts();
        int[] count = new int[parts + 1];
        for (long e : sorted) {
            count[partOf(partition, (int) (e & NEURON_MASK)) + 1]++;
        }
        for (int k = 0; k < parts; k++) {
            count[k + 1] += count[k];
        }
        this.cursor = Arrays.copyOf(count, parts);
        this.end = Arrays.copyOfRange(count, 1, parts + 1);
        this.events = new long[sorted.length];
        int[] fill = cursor.clone();
        for (long e : sorted) {
            events[fill[partOf(partition, (int) (e & NEURON_MASK))]++] = e;
        }
    }

    private static int partOf(Partition partition, int neuron) {
        int k = 0;
        while (neuron >= partition.to(k)) {
            k++;
        }
        return k;
    }

    @Override
    public int generate(long step, int part, int from, int to, int[] spiked) {
        int c = cursor[part];
        int stop = end[part];
        while (c < stop && (events[c] >>> NEURON_BITS) < step) {
            c++;
        }
        int count = 0;
        while (c < stop && (events[c] >>> NEURON_BITS) == step) {
            spiked[count++] = (int) (events[c] & NEURON_MASK);
            c++;
        }
        cursor[part] = c;
        return count;
    }
}
