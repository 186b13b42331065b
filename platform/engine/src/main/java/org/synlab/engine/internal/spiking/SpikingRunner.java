package org.synlab.engine.internal.spiking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;
import org.synlab.spiking.RateRecorder;
import org.synlab.spiking.Simulation;
import org.synlab.spiking.Projection;
import org.synlab.spiking.SpikeRecorder;
import org.synlab.spiking.StateRecorder;

/**
 * Runs a {@link SpikingPlan} on the calling thread: compiles one kernel per population on the
 * backend, builds the network, then simulates it chunk by chunk. Between chunks it honours
 * cancellation, folds the recorded spikes into per-population statistics and clears the recorders
 * (so memory does not grow with the run's length), and reports the fraction of biological time done.
 */
final class SpikingRunner {

    /** Samples kept per recorded trace, and bins per recorded rate, in the history. */
    static final int MAX_SERIES = 20_000;
    /** Neurons per population whose rates go into the history. */
    static final int MAX_NEURON_RATES = 1_000;
    /** The warm-up's bounds: in steps, and in neuron updates (steps times neurons). */
    static final long MIN_WARM_UP_STEPS = 100;
    static final long MAX_WARM_UP_STEPS = 2_000;
    static final long WARM_UP_NEURON_STEPS = 8_000_000;

    private final SpikingPlan plan;
    private final RunListener listener;
    private final RunControl control;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    SpikingRunner(SpikingPlan plan, RunListener listener, RunControl control) {
        this.plan = plan;
        this.listener = listener;
        this.control = control;
    }

    RunResult run() {
        long start = System.nanoTime();
        // the simulation's own threads call the kernels; the backend needs none of its own
        try (Compute compute = plan.backend().open(new ComputeConfig(1, plan.seed()))) {
            Simulation sim = build(compute);
            metrics.put("setup_seconds", seconds(System.nanoTime() - start));
            ClassificationReport report = null;
            String failure;
            if (plan.presentation() == null) {
                failure = simulate(sim);
            } else {
                ImagePresentation presentation = new ImagePresentation(plan, sim, listener, control, metrics, history,
                        notes);
                failure = presentation.run();
                presentation.summarise();
                learnedWeights(sim);
                report = presentation.report();
            }
            double wall = seconds(System.nanoTime() - start);
            return new RunResult(failure == null ? RunStatus.FINISHED : RunStatus.FAILED, failure, metrics, notes, wall,
                    history, report);
        } catch (IOException e) {
            PresentationSpec p = plan.presentation();
            return new RunResult(RunStatus.FAILED, "learned state " + (p.load() != null ? p.load() : p.save())
                    + ": " + e.getMessage(), metrics, notes, seconds(System.nanoTime() - start), history);
        } catch (RuntimeException | LinkageError e) {
            // a kernel failed to compile or step, or the backend's bundle went away: the run fails, the host goes on
            String reason = control.cancelled() ? control.cancelReason() : "error during the run: " + e;
            return new RunResult(RunStatus.FAILED, reason, metrics, notes, seconds(System.nanoTime() - start), history);
        }
    }

    private Simulation build(Compute compute) {
        double dtSeconds = plan.dtMs() * 1e-3;
        Map<String, NeuronKernel> kernels = new LinkedHashMap<>();
        for (PopulationPlan p : plan.populations()) {
            kernels.put(p.name(), compute.neurons(p.program().withTimeStep(dtSeconds), dtSeconds));
        }
        if (plan.presentation() == null) {
            warmUp(kernels);
        }
        return simulation(kernels);
    }

    private Simulation simulation(Map<String, NeuronKernel> kernels) {
        Simulation sim = Simulation.create(plan.network(kernels), plan.threads());
        for (PopulationPlan p : plan.populations()) {
            p.explicit().forEach((variable, values) -> {
                if (kernels.get(p.name()).variables().contains(variable)) {
                    System.arraycopy(values, 0, sim.state(p.name()).variable(variable), 0, values.length);
                }
            });
        }
        return sim;
    }

    /**
     * Runs a throwaway copy of the network for a few hundred steps before the real one is built, so that the JIT
     * has compiled the kernels and the step loop when the measured loop starts: the counterpart of Brian2's code
     * generation and compilation, counted like it in {@code setup_seconds}. The copy is the same network from the
     * same seed and leaves no trace in the run's own state, random streams or results. Capped at {@link
     * #WARM_UP_NEURON_STEPS} neuron updates; a network too large for {@link #MIN_WARM_UP_STEPS} steps within that
     * (above 80,000 neurons) or a run shorter than that skips it.
     */
    private void warmUp(Map<String, NeuronKernel> kernels) {
        long neurons = 0;
        for (PopulationPlan p : plan.populations()) {
            neurons += p.size();
        }
        long total = Math.max(1, Math.round(plan.durationMs() / plan.dtMs()));
        long steps = Math.min(total, Math.min(MAX_WARM_UP_STEPS, WARM_UP_NEURON_STEPS / Math.max(1, neurons)));
        if (steps < MIN_WARM_UP_STEPS) {
            // a network this large runs long enough to warm up on its own, and a copy would double its memory
            return;
        }
        long start = System.nanoTime();
        // with the run's own recorders and chunks: code the copy never ran (a recorder's loop) would be
        // compiled as a trap that sends the measured loop back to the interpreter at its first use
        Simulation copy = simulation(kernels);
        Recording recording = attachRecorders(copy);
        for (long done = 0; done < steps; done += chunkSteps()) {
            copy.runSteps(Math.min(chunkSteps(), steps - done));
            recording.clear();
        }
        metrics.put("warm_up_seconds", seconds(System.nanoTime() - start));
        metrics.put("warm_up_steps", (double) steps);
    }

    /**
     * The weights a plastic projection ended with: their mean as {@code weight_mean.<projection>}, and
     * for small projections every weight (in the runtime's thread-independent order) as
     * {@code weights.<projection>} in the history.
     */
    private void learnedWeights(Simulation sim) {
        for (Projection p : plan.projections()) {
            if (!p.plastic()) {
                continue;
            }
            float[] weights = sim.connections(p.name()).weight();
            double sum = 0;
            for (float w : weights) {
                sum += w;
            }
            metrics.put("weight_mean." + p.name(), weights.length == 0 ? Double.NaN : sum / weights.length);
            if (weights.length <= MAX_SERIES) {
                List<Double> values = new ArrayList<>(weights.length);
                for (float w : weights) {
                    values.add((double) w);
                }
                history.put("weights." + p.name(), values);
            }
        }
    }

    /** Hands the chunk's spikes of one population to the listener (the host puts them on the bus). */
    private void publish(SpikeRecorder recorder) {
        int n = Math.min(recorder.count(), RunListener.MAX_SPIKES_PER_CALL);
        if (n == 0) {
            return;
        }
        // steps() and neurons() are copies already: cut them only when the chunk has more than n spikes
        int[] steps = recorder.steps();
        int[] neurons = recorder.neurons();
        if (steps.length > n) {
            steps = java.util.Arrays.copyOf(steps, n);
            neurons = java.util.Arrays.copyOf(neurons, n);
        }
        listener.spikes(recorder.population(), recorder.populationSize(), plan.dtMs(), steps, neurons);
    }

    /** Hands the chunk's samples of a state probe to the listener, a variable at a time (live traces). */
    private void publish(StateRecorder probe) {
        if (probe.samples() == 0) {
            return;
        }
        int[] neurons = probe.neurons();
        for (String variable : probe.variables()) {
            float[][] values = new float[neurons.length][];
            for (int i = 0; i < neurons.length; i++) {
                values[i] = probe.trace(variable, neurons[i]);
            }
            listener.traces(probe.population(), variable, probe.firstSample(), probe.every() * plan.dtMs(), neurons.clone(),
                    values);
        }
    }

    /** The recorders a run attaches to its simulation: spikes of every population, state probes, rates. */
    private record Recording(Map<String, SpikeRecorder> spikes, List<StateRecorder> probes,
                             Map<String, RateRecorder> rates) {

        /** Forgets what the spike and state recorders hold (rate recorders keep whole-run bins). */
        void clear() {
            spikes.values().forEach(SpikeRecorder::clear);
            probes.forEach(StateRecorder::clear);
        }
    }

    private Recording attachRecorders(Simulation sim) {
        Map<String, SpikeRecorder> recorders = new LinkedHashMap<>();
        for (PopulationPlan p : plan.populations()) {
            recorders.put(p.name(), sim.recordSpikes(p.name()));
        }
        List<StateRecorder> probes = new ArrayList<>();
        for (RecordSpec.Probe probe : plan.record().state()) {
            probes.add(sim.recordState(probe.population(), probe.variables(), probe.neurons(), probe.every()));
        }
        int binSteps = (int) Math.max(1, Math.round(plan.record().rateBinMs() / plan.dtMs()));
        Map<String, RateRecorder> rates = new LinkedHashMap<>();
        for (String population : plan.record().rates()) {
            rates.put(population, sim.recordRate(population, binSteps));
        }
        return new Recording(recorders, probes, rates);
    }

    private long chunkSteps() {
        return Math.max(1, Math.round(plan.chunkMs() / plan.dtMs()));
    }

    /** Returns null when the run completed, else why it stopped. */
    private String simulate(Simulation sim) {
        Recording recording = attachRecorders(sim);
        Map<String, SpikeRecorder> recorders = recording.spikes();
        List<StateRecorder> probes = recording.probes();
        Map<String, RateRecorder> rates = recording.rates();
        Map<String, SpikeTally> tallies = new LinkedHashMap<>();
        for (PopulationPlan p : plan.populations()) {
            tallies.put(p.name(), new SpikeTally(p.size(), plan.dtMs()));
        }

        long total = Math.max(1, Math.round(plan.durationMs() / plan.dtMs()));
        long chunkSteps = chunkSteps();
        int chunks = (int) ((total + chunkSteps - 1) / chunkSteps);
        long loopNanos = 0;
        String failure = null;
        for (int c = 1; c <= chunks; c++) {
            if (control.cancelled()) {
                failure = control.cancelReason();
                break;
            }
            long t0 = System.nanoTime();
            sim.runSteps(Math.min(chunkSteps, total - sim.steps()));
            loopNanos += System.nanoTime() - t0;
            recorders.forEach((name, recorder) -> {
                tallies.get(name).fold(recorder);
                publish(recorder);
                recorder.clear();
            });
            for (StateRecorder probe : probes) {
                collect(probe);
            }
            summarise(sim, tallies, loopNanos);
            listener.progress(new Progress(c, chunks, (double) sim.steps() / total, metrics));
        }
        summarise(sim, tallies, loopNanos);
        histories(tallies, rates, sim.timeMs());
        learnedWeights(sim);
        return failure;
    }

    private void summarise(Simulation sim, Map<String, SpikeTally> tallies, long loopNanos) {
        double bioMs = sim.timeMs();
        long spikes = 0;
        long neurons = 0;
        for (PopulationPlan p : plan.populations()) {
            SpikeTally tally = tallies.get(p.name());
            spikes += tally.spikes();
            neurons += p.size();
            metrics.put("rate_hz." + p.name(), tally.rateHz(bioMs));
            metrics.put("cv_isi." + p.name(), tally.cvIsi());
        }
        double wall = seconds(loopNanos);
        metrics.put("sim.bio_seconds", bioMs * 1e-3);
        metrics.put("sim.wall_seconds", wall);
        metrics.put("sim.spikes", (double) spikes);
        metrics.put("sim.synaptic_events", (double) sim.synapticEvents());
        metrics.put("sim.synapses", (double) sim.synapseCount());
        metrics.put("sim.neurons", (double) neurons);
        metrics.put("sim.threads", (double) sim.threads());
        metrics.put("sim.events_per_second", wall > 0 ? sim.synapticEvents() / wall : 0.0);
        metrics.put("rate_hz", bioMs > 0 ? spikes / (neurons * bioMs * 1e-3) : 0.0);
    }

    /** Appends the samples a state recorder holds to the history, up to {@link #MAX_SERIES}, and clears it. */
    private void collect(StateRecorder probe) {
        publish(probe);
        for (String variable : probe.variables()) {
            for (int neuron : probe.neurons()) {
                String key = "state." + probe.population() + "." + variable + "." + neuron;
                List<Double> series = history.computeIfAbsent(key, k -> new ArrayList<>());
                for (float value : probe.trace(variable, neuron)) {
                    if (series.size() < MAX_SERIES) {
                        series.add((double) value);
                    }
                }
            }
        }
        probe.clear();
    }

    private void histories(Map<String, SpikeTally> tallies, Map<String, RateRecorder> rates, double bioMs) {
        for (String population : plan.record().spikes()) {
            SpikeTally tally = tallies.get(population);
            int[] counts = tally.counts();
            int shown = Math.min(counts.length, MAX_NEURON_RATES);
            List<Double> perNeuron = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                perNeuron.add(bioMs > 0 ? counts[i] / (bioMs * 1e-3) : 0.0);
            }
            history.put("neuron_rate_hz." + population, perNeuron);
            if (shown < counts.length) {
                notes.add("neuron_rate_hz." + population + " lists the first " + shown + " of " + counts.length
                        + " neurons");
            }
            if (counts.length <= SpikeTally.TIMES_UP_TO) {
                for (int i = 0; i < counts.length; i++) {
                    history.put("spike_times_ms." + population + "." + i, tally.times(i));
                }
            }
        }
        rates.forEach((population, recorder) -> {
            double[] binned = recorder.ratesHz();
            List<Double> series = new ArrayList<>();
            for (int b = 0; b < Math.min(binned.length, MAX_SERIES); b++) {
                series.add(binned[b]);
            }
            history.put("population_rate_hz." + population, series);
            metrics.put("rhythm_hz." + population, Spectrum.peakHz(binned, plan.record().rateBinMs(), 2, 200));
        });
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
