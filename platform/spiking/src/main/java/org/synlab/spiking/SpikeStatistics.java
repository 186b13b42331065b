package org.synlab.spiking;

/**
 * Summary statistics of recorded spikes over a time window.
 *
 * <p>Conventions: the mean rate is {@code spikes / (populationSize · window)}, counting silent neurons. The CV of the
 * inter-spike intervals is computed per neuron as {@code sd / mean} of its ISIs inside the window, with the
 * population standard deviation (divide by n, numpy's default), for neurons with at least 2 ISIs (3 spikes); the
 * result is the mean of those per-neuron CVs, {@code NaN} when no neuron qualifies. Intervals are measured in whole
 * steps, as the spikes are aligned to the step grid.
 *
 * @param spikes spikes in the window
 * @param meanRateHz mean rate per neuron in hertz
 * @param cvIsi mean per-neuron CV of ISI
 * @param neuronsWithCv how many neurons contributed to {@code cvIsi}
 */
public record SpikeStatistics(long spikes, double meanRateHz, double cvIsi, int neuronsWithCv) {

    /** The statistics of the spikes of {@code recorder} with times in {@code [fromMs, toMs)}. */
    public static SpikeStatistics of(SpikeRecorder recorder, double fromMs, double toMs) {
        if (!(toMs > fromMs)) {
            throw new IllegalArgumentException("empty window [" + fromMs + ", " + toMs + ")");
        }
        int size = recorder.populationSize();
        int[] last = new int[size];
        int[] intervals = new int[size];
        double[] sum = new double[size];
        double[] sumSquares = new double[size];
        java.util.Arrays.fill(last, -1);
        long spikes = 0;
        for (int k = 0; k < recorder.count(); k++) {
            double t = recorder.timeMs(k);
            if (t < fromMs || t >= toMs) {
                continue;
            }
            spikes++;
            int neuron = recorder.neuron(k);
            int step = recorder.step(k);
            if (last[neuron] >= 0) {
                double isi = step - last[neuron];
                intervals[neuron]++;
                sum[neuron] += isi;
                sumSquares[neuron] += isi * isi;
            }
            last[neuron] = step;
        }
        double rate = spikes / (size * (toMs - fromMs) * 1e-3);
        int withCv = neuronsWithCv(intervals);
        return new SpikeStatistics(spikes, rate, meanCv(intervals, sum, sumSquares), withCv);
    }

    /**
     * The mean per-neuron CV of ISI (the convention above) from each neuron's interval count, sum and
     * sum of squares; {@code NaN} when no neuron has two intervals. Shared with callers that fold spikes
     * in as they come instead of keeping a recorder.
     */
    public static double meanCv(int[] intervals, double[] sum, double[] sumSquares) {
        double cvSum = 0;
        int withCv = 0;
        for (int i = 0; i < intervals.length; i++) {
            if (intervals[i] >= 2) {
                double mean = sum[i] / intervals[i];
                double variance = Math.max(0, sumSquares[i] / intervals[i] - mean * mean);
                cvSum += Math.sqrt(variance) / mean;
                withCv++;
            }
        }
        return withCv == 0 ? Double.NaN : cvSum / withCv;
    }

    private static int neuronsWithCv(int[] intervals) {
        int n = 0;
        for (int count : intervals) {
            if (count >= 2) {
                n++;
            }
        }
        return n;
    }
}
