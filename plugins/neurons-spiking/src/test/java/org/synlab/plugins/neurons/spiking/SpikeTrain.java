package org.synlab.plugins.neurons.spiking;

import java.util.Arrays;
import java.util.Map;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.SpikingModel;

/** Spike times of one neuron and the statistics the firing-pattern tests use. */
record SpikeTrain(double[] times) {

    /** Runs one neuron of {@code model} with {@code params} for {@code duration} seconds. */
    static SpikeTrain simulate(SpikingModel model, Map<String, ?> params, double dt, double duration) {
        ReferenceStepper s = new ReferenceStepper(model.program(params), 1, dt);
        return new SpikeTrain(s.run(duration).get(0));
    }

    int count() {
        return times.length;
    }

    double[] isis() {
        double[] out = new double[Math.max(0, times.length - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = times[i + 1] - times[i];
        }
        return out;
    }

    /** Spikes in [from, to). */
    int countBetween(double from, double to) {
        return (int) Arrays.stream(times).filter(t -> t >= from && t < to).count();
    }

    /** Coefficient of variation of the intervals from the {@code skip}-th on. */
    double cv(int skip) {
        double[] isi = Arrays.copyOfRange(isis(), skip, isis().length);
        double mean = Arrays.stream(isi).average().orElse(Double.NaN);
        double var = Arrays.stream(isi).map(x -> (x - mean) * (x - mean)).sum() / isi.length;
        return Math.sqrt(var) / mean;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.stream(times).map(t -> Math.round(t * 1e4) / 10.0).toArray());
    }
}
