package org.synlab.engine.internal.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synlab.spiking.SpikeRecorder;
import org.synlab.spiking.SpikeStatistics;

/**
 * The spike statistics of one population, folded in chunk by chunk so that the recorder can be
 * cleared after each chunk and memory stays bounded however long the run: per-neuron spike counts
 * and inter-spike interval sums (an interval may straddle two chunks). The conventions are those of
 * {@link org.synlab.spiking.SpikeStatistics}: the rate counts silent neurons; the CV of ISI is the mean
 * over neurons with at least two intervals of each neuron's {@code sd / mean}, with the population sd
 * (divide by n), intervals in whole steps. For small populations it also keeps the first spike times
 * of each neuron, to show a single neuron's firing pattern.
 */
final class SpikeTally {

    /** Populations up to this size keep spike times. */
    static final int TIMES_UP_TO = 32;
    /** Spike times kept per neuron. */
    static final int TIMES_PER_NEURON = 200;

    private final int size;
    private final double dtMs;
    private final int[] last;
    private final int[] counts;
    private final int[] intervals;
    private final double[] sum;
    private final double[] sumSquares;
    private final List<List<Double>> times;
    private long spikes;

    SpikeTally(int size, double dtMs) {
        this.size = size;
        this.dtMs = dtMs;
        this.last = new int[size];
        Arrays.fill(last, -1);
        this.counts = new int[size];
        this.intervals = new int[size];
        this.sum = new double[size];
        this.sumSquares = new double[size];
        this.times = new ArrayList<>();
        if (size <= TIMES_UP_TO) {
            for (int i = 0; i < size; i++) {
                times.add(new ArrayList<>());
            }
        }
    }

    /** Adds the spikes held by {@code recorder} (the caller clears it afterwards). */
    void fold(SpikeRecorder recorder) {
        int n = recorder.count();
        spikes += n;
        for (int k = 0; k < n; k++) {
            int neuron = recorder.neuron(k);
            int step = recorder.step(k);
            counts[neuron]++;
            if (last[neuron] >= 0) {
                double isi = step - last[neuron];
                intervals[neuron]++;
                sum[neuron] += isi;
                sumSquares[neuron] += isi * isi;
            }
            last[neuron] = step;
            if (!times.isEmpty() && times.get(neuron).size() < TIMES_PER_NEURON) {
                times.get(neuron).add(step * dtMs);
            }
        }
    }

    long spikes() {
        return spikes;
    }

    /** Mean rate per neuron over {@code durationMs}, in hertz. */
    double rateHz(double durationMs) {
        return durationMs <= 0 ? 0 : spikes / (size * durationMs * 1e-3);
    }

    /** The mean per-neuron CV of ISI, NaN when no neuron fired three times. */
    double cvIsi() {
        return SpikeStatistics.meanCv(intervals, sum, sumSquares);
    }

    /** Spike counts per neuron. */
    int[] counts() {
        return counts.clone();
    }

    /** The first spike times of neuron {@code i} in ms; empty for populations above {@link #TIMES_UP_TO}. */
    List<Double> times(int i) {
        return times.isEmpty() ? List.of() : List.copyOf(times.get(i));
    }
}
