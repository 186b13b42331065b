package org.synlab.engine.internal.spiking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Dataset;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.internal.ConfusionTally;
import org.synlab.spiking.Connections;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Simulation;
import org.synlab.spiking.SpikeRecorder;

/**
 * Runs a {@link PresentationSpec} on a built network: training (plastic projections learn, the layer's incoming
 * weights are normalised before each showing by rules that do that), labelling and testing (learning off, held
 * variables put back after each image), as Diehl and Cook (2015) do. Reports progress every {@code report_every}
 * images, honours cancellation between images, and times the steps' phases for the breakdown.
 */
final class ImagePresentation {

    /** Layer neurons whose receptive fields go to the listener at each report (bounds the frame). */
    static final int MAX_FIELDS = 100;

    private final SpikingPlan plan;
    private final PresentationSpec spec;
    private final Simulation sim;
    private final RunListener listener;
    private final RunControl control;
    private final Map<String, Double> metrics;
    private final Map<String, List<Double>> history;
    private final List<String> notes;
    private final SpikeRecorder layerSpikes;
    private final int[] counts;
    private final double[] rates;
    private final double[] silence;
    private final float[] pixels;
    private final float[] target;
    private final long presentSteps;
    private final long restSteps;
    private final List<String> plastic;
    private final NeuronVote vote;
    private final int total;
    private int done;
    private long repeats;
    private long loopNanos;
    private long normaliseNanos;
    private float[][] held;
    private ClassificationReport report;

    ImagePresentation(SpikingPlan plan, Simulation sim, RunListener listener, RunControl control,
                      Map<String, Double> metrics, Map<String, List<Double>> history, List<String> notes) {
        this.plan = plan;
        this.spec = plan.presentation();
        this.sim = sim;
        this.listener = listener;
        this.control = control;
        this.metrics = metrics;
        this.history = history;
        this.notes = notes;
        this.layerSpikes = sim.recordSpikes(spec.layer());
        int size = sim.state(spec.layer()).size();
        this.counts = new int[size];
        this.rates = new double[spec.data().features()];
        this.silence = new double[rates.length];
        this.pixels = new float[rates.length];
        this.target = new float[spec.data().outputs()];
        this.presentSteps = Math.max(1, Math.round(spec.presentMs() / plan.dtMs()));
        this.restSteps = Math.round(spec.restMs() / plan.dtMs());
        this.plastic = plan.projections().stream().filter(Projection::plastic).map(Projection::name).toList();
        this.vote = new NeuronVote(size, spec.data().outputs());
        this.total = spec.train() * spec.epochs() + spec.label() + spec.test();
    }

    /** The classification report of the test images, once they have run (null before, or with no test images). */
    ClassificationReport report() {
        return report;
    }

    /** Runs the protocol; returns null when it completed, else why it stopped. */
    String run() throws IOException {
        sim.timePhases(true);
        int[] savedLabels = null;
        if (spec.load() != null) {
            savedLabels = LearnedState.load(spec.load(), sim, plastic, spec.layer(), spec.hold());
        }
        Dataset.Split train = spec.data().split(spec.data().splits().get(0));
        long start = System.nanoTime();
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
            for (int i = 0; i < spec.train(); i++) {
                if (control.cancelled()) {
                    return control.cancelReason();
                }
                show(train, i, true);
                progress("train");
            }
        }
        metrics.put("train.images", (double) spec.train() * spec.epochs());
        metrics.put("train.epochs", (double) spec.epochs());
        metrics.put("train.wall_seconds", seconds(System.nanoTime() - start));

        sim.setLearning(false);
        held = snapshot();
        if (spec.train() == 0 && savedLabels != null) {
            vote.useLabels(savedLabels);
            notes.add("labels loaded from " + spec.load().getFileName() + "; no labelling pass");
        } else {
            start = System.nanoTime();
            int first = Math.max(spec.train(), spec.label()) - spec.label();
            for (int i = first; i < first + spec.label(); i++) {
                if (control.cancelled()) {
                    return control.cancelReason();
                }
                show(train, i, false);
                vote.observe(classOf(target), counts);
                progress("label");
            }
            metrics.put("label.images", (double) spec.label());
            metrics.put("label.wall_seconds", seconds(System.nanoTime() - start));
        }
        int[] labels = vote.labels();
        metrics.put("labelled_neurons", (double) vote.labelled());
        history.put("labels." + spec.layer(), Arrays.stream(labels).asDoubleStream().boxed().toList());
        if (spec.save() != null) {
            LearnedState.save(spec.save(), sim, plastic, spec.layer(), spec.hold(), labels, plan.name());
            notes.add("learned weights, " + String.join(", ", spec.hold()) + " and labels saved to " + spec.save());
        }
        return test();
    }

    private String test() {
        if (spec.test() == 0) {
            return null;
        }
        Dataset.Split test = spec.data().split("test");
        ConfusionTally tally = new ConfusionTally(Dataset.Task.MULTICLASS, target.length,
                spec.data().outputNames());
        float[] predicted = new float[target.length];
        int correct = 0;
        int unanswered = 0;
        long start = System.nanoTime();
        for (int i = 0; i < spec.test(); i++) {
            if (control.cancelled()) {
                return control.cancelReason();
            }
            show(test, i, false);
            int answer = vote.predict(counts);
            int truth = classOf(target);
            correct += answer == truth ? 1 : 0;
            unanswered += answer < 0 ? 1 : 0;
            Arrays.fill(predicted, 0);
            // an unanswered image counts as wrong: put it on a class other than the true one
            predicted[answer >= 0 ? answer : (truth + 1) % predicted.length] = 1;
            tally.add(predicted, target, 1);
            metrics.put("test.accuracy", (double) correct / (i + 1));
            progress("test");
        }
        metrics.put("test.images", (double) spec.test());
        metrics.put("test.unanswered", (double) unanswered);
        metrics.put("test.wall_seconds", seconds(System.nanoTime() - start));
        report = tally.report("test");
        return null;
    }

    /**
     * Shows image {@code index} of {@code split}, again and brighter while it draws fewer than {@code min_spikes}
     * spikes from the layer, and leaves the layer's counts of the last showing in {@link #counts}.
     */
    private void show(Dataset.Split split, int index, boolean learning) {
        split.read(index, pixels, 0, target, 0);
        for (int repeat = 0; ; repeat++) {
            long t0 = System.nanoTime();
            double rate = spec.maxRateHz() + repeat * spec.boostHz();
            for (int i = 0; i < rates.length; i++) {
                rates[i] = pixels[i] * rate;
            }
            sim.setRates(spec.input(), rates);
            if (learning) {
                long n0 = System.nanoTime();
                sim.beforePattern();
                normaliseNanos += System.nanoTime() - n0;
            }
            sim.runSteps(presentSteps);
            int spikes = countLayer();
            sim.setRates(spec.input(), silence);
            sim.runSteps(restSteps);
            layerSpikes.clear();
            if (!learning) {
                restore();
            }
            loopNanos += System.nanoTime() - t0;
            if (spikes >= spec.minSpikes() || repeat >= spec.maxRepeats()) {
                break;
            }
            repeats++;
        }
        done++;
    }

    private int countLayer() {
        Arrays.fill(counts, 0);
        int n = layerSpikes.count();
        for (int k = 0; k < n; k++) {
            counts[layerSpikes.neuron(k)]++;
        }
        return n;
    }

    private float[][] snapshot() {
        float[][] copy = new float[spec.hold().size()][];
        for (int v = 0; v < copy.length; v++) {
            copy[v] = sim.state(spec.layer()).variable(spec.hold().get(v)).clone();
        }
        return copy;
    }

    private void restore() {
        for (int v = 0; v < held.length; v++) {
            float[] live = sim.state(spec.layer()).variable(spec.hold().get(v));
            System.arraycopy(held[v], 0, live, 0, live.length);
        }
    }

    private static int classOf(float[] oneHot) {
        int best = 0;
        for (int c = 1; c < oneHot.length; c++) {
            best = oneHot[c] > oneHot[best] ? c : best;
        }
        return best;
    }

    private void progress(String phase) {
        if (done % spec.reportEvery() != 0 && done != total) {
            return;
        }
        summarise();
        history.computeIfAbsent("images", k -> new ArrayList<>()).add((double) done);
        history.computeIfAbsent("wall_seconds", k -> new ArrayList<>()).add(metrics.get("sim.wall_seconds"));
        if (metrics.containsKey("test.accuracy")) {
            history.computeIfAbsent("test.accuracy", k -> new ArrayList<>()).add(metrics.get("test.accuracy"));
        }
        publishWeights();
        Map<String, Double> shown = new LinkedHashMap<>(metrics);
        shown.put("images", (double) done);
        shown.put("phase." + phase, 1.0);
        listener.progress(new Progress(done, total, (double) done / total, shown));
    }

    /**
     * Hands the listener the incoming weights of the first {@link #MAX_FIELDS} layer neurons from each plastic
     * projection onto the layer, one row per neuron: the receptive fields the dashboard draws as images when the
     * input is a square of pixels.
     */
    private void publishWeights() {
        for (Projection p : plan.projections()) {
            if (!p.plastic() || !p.post().equals(spec.layer())) {
                continue;
            }
            Connections c = sim.connections(p.name());
            int cols = sim.spec().population(p.pre()).size();
            int rows = Math.min(MAX_FIELDS, counts.length);
            float[] values = new float[rows * cols];
            for (int s = 0; s < c.size(); s++) {
                if (c.post()[s] < rows) {
                    values[c.post()[s] * cols + c.pre()[s]] = c.weight()[s];
                }
            }
            int side = (int) Math.round(Math.sqrt(cols));
            listener.weights(p.name(), sim.steps(), rows, cols, side * side == cols ? side : 0, values);
        }
    }

    /** The run's figures so far: bio and wall time, spikes, rates, repeats and the phase breakdown. */
    void summarise() {
        double bioSeconds = sim.timeMs() * 1e-3;
        metrics.put("sim.bio_seconds", bioSeconds);
        metrics.put("sim.wall_seconds", seconds(loopNanos));
        metrics.put("sim.spikes", (double) sim.spikeCount());
        metrics.put("sim.synaptic_events", (double) sim.synapticEvents());
        metrics.put("sim.synapses", (double) sim.synapseCount());
        metrics.put("sim.threads", (double) sim.threads());
        metrics.put("images_shown", (double) done);
        metrics.put("repeats", (double) repeats);
        for (PopulationPlan p : plan.populations()) {
            metrics.put("rate_hz." + p.name(), bioSeconds > 0 ? sim.spikeCount(p.name()) / (p.size() * bioSeconds)
                    : 0.0);
        }
        double timed = 0;
        for (Map.Entry<String, Double> phase : sim.phaseSeconds().entrySet()) {
            metrics.put("time." + phase.getKey() + "_seconds", phase.getValue());
            timed += phase.getValue();
        }
        metrics.put("time.normalisation_seconds", seconds(normaliseNanos));
        // what the loop's clock saw beyond the steps and the normalisation: setting rates, counting, holding
        metrics.put("time.protocol_seconds", Math.max(0, seconds(loopNanos - normaliseNanos) - timed));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
