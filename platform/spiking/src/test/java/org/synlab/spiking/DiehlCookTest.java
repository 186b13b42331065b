package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.plugins.learning.plasticity.TripletStdpRule;
import org.synlab.plugins.neurons.spiking.LifAdaptiveNeuron;

/**
 * A small network in the shape of Diehl and Cook (2015) learning bars without labels: 784 Poisson inputs whose rates
 * are a 28x28 pattern (a bar pixel fires at 63.75 Hz, as a white MNIST pixel at pixel/4 Hz), {@link #N} {@code
 * lif-adaptive} excitatory neurons, as many inhibitory ones (the same equations with the paper's inhibitory
 * parameters and no adaptation), excitatory to inhibitory one to one, inhibitory to excitatory all but self, and the
 * paper's nearest-spike triplet STDP on the input synapses with their incoming weights normalised to 78 before each
 * pattern. Each pattern is shown for 350 ms, then 150 ms of silence; a presentation that draws fewer than 5
 * excitatory spikes is repeated with 32 Hz more. After training, each neuron is labelled by the pattern it answered
 * most, and fresh presentations are classified by the vote of the labelled neurons.
 */
class DiehlCookTest {

    private static final double DT = 0.5;
    private static final int SIDE = 28;
    private static final int N = 20;
    private static final int PATTERNS = 6;
    private static final int EPOCHS = 10;
    private static final String INPUT = "input->exc:ge";

    /** Three horizontal and three vertical bars, six pixels wide. */
    private static double[][] bars() {
        double[][] patterns = new double[PATTERNS][SIDE * SIDE];
        for (int p = 0; p < PATTERNS; p++) {
            int from = 3 + (p % 3) * 8;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    int along = p < 3 ? r : c;
                    patterns[p][r * SIDE + c] = along >= from && along < from + 6 ? 1 : 0;
                }
            }
        }
        return patterns;
    }

    private static NetworkSpec network() {
        GeneratedModel exc = GeneratedModel.of(new LifAdaptiveNeuron(), Map.of(), DT);
        GeneratedModel inh = GeneratedModel.of(new LifAdaptiveNeuron(), Map.of("tau_m", "10 ms", "El", "-60 mV",
                "Ei", "-85 mV", "vt", "-40 mV", "vr", "-45 mV", "tau_ref", "2 ms", "theta_plus", "0 mV"), DT);
        SpikingRule rule = new TripletStdpRule();
        PlasticityFactory stdp = PlasticityFactory.of(rule, rule.parameters().validate(Map.ofEntries(
                Map.entry("pairing", "nearest"), Map.entry("a2_plus", 0.0), Map.entry("a3_plus", 0.01),
                Map.entry("a2_minus", 0.0001), Map.entry("a3_minus", 0.0), Map.entry("tau_plus", 20.0),
                Map.entry("tau_minus", 20.0), Map.entry("tau_y", 40.0), Map.entry("w_min", 0.0),
                Map.entry("w_max", 1.0), Map.entry("normalise_total", 78.0))));
        return NetworkSpec.builder(DT, 2015)
                .poisson("input", SIDE * SIDE, 0)
                .population("exc", N, exc.kernel(), exc.initial())
                .population("inh", N, inh.kernel(), inh.initial())
                .projection("input", "exc", Connector.allToAll(true), "ge", Sign.EXCITATORY, Value.uniform(0, 0.3),
                        Value.uniform(0, 10), stdp)
                .projection("exc", "inh", Connector.oneToOne(), "ge", Sign.EXCITATORY, Value.constant(10.4),
                        Value.constant(DT))
                .projection("inh", "exc", Connector.allToAll(true), "gi", Sign.INHIBITORY, Value.constant(17),
                        Value.constant(DT))
                .build();
    }

    /** The connector cannot leave out self pairs between two populations; zero those weights instead. */
    private static void dropSelfInhibition(Simulation sim) {
        Connections c = sim.connections("inh->exc:gi");
        float[] w = c.weight().clone();
        for (int s = 0; s < c.size(); s++) {
            if (c.pre()[s] == c.post()[s]) {
                w[s] = 0;
            }
        }
        sim.setWeights("inh->exc:gi", w);
    }

    /** Shows {@code pattern}, repeating it brighter while it draws fewer than 5 spikes; each neuron's spikes. */
    private static int[] present(Simulation sim, SpikeRecorder spikes, double[] pattern) {
        int[] counts = new int[N];
        double[] rates = new double[pattern.length];
        for (int extra = 0; extra < 5; extra++) {
            for (int i = 0; i < rates.length; i++) {
                rates[i] = pattern[i] * (63.75 + 32 * extra);
            }
            spikes.clear();
            sim.setRates("input", rates);
            sim.beforePattern();
            sim.run(350);
            for (int k = 0; k < spikes.count(); k++) {
                counts[spikes.neuron(k)]++;
            }
            sim.setRates("input", new double[rates.length]);
            sim.run(150);
            if (spikes.count() >= 5) {
                break;
            }
        }
        return counts;
    }

    private static int argmax(int[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    @Test
    void neuronsBecomeSelectiveToDifferentPatterns() {
        double[][] patterns = bars();
        Simulation sim = Simulation.create(network(), 2);
        dropSelfInhibition(sim);
        SpikeRecorder spikes = sim.recordSpikes("exc");
        SplittableRandom random = new SplittableRandom(3);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            int[] order = random.ints(0, Integer.MAX_VALUE).limit(PATTERNS).toArray();
            Integer[] shown = new Integer[PATTERNS];
            for (int p = 0; p < PATTERNS; p++) {
                shown[p] = p;
            }
            Arrays.sort(shown, (a, b) -> Integer.compare(order[a], order[b]));
            for (int p : shown) {
                present(sim, spikes, patterns[p]);
            }
        }
        double trainSeconds = (System.nanoTime() - start) * 1e-9;
        double bioSeconds = sim.timeMs() * 1e-3;

        // label each neuron by the pattern it answers most; the pattern each neuron answers most
        int[][] response = new int[PATTERNS][];
        for (int p = 0; p < PATTERNS; p++) {
            response[p] = present(sim, spikes, patterns[p]);
        }
        int[] label = new int[N];
        for (int n = 0; n < N; n++) {
            int[] byPattern = new int[PATTERNS];
            for (int p = 0; p < PATTERNS; p++) {
                byPattern[p] = response[p][n];
            }
            label[n] = Arrays.stream(byPattern).sum() == 0 ? -1 : argmax(byPattern);
        }
        long distinctWinners = Arrays.stream(response).mapToInt(DiehlCookTest::argmax).distinct().count();

        // classify fresh presentations by the mean response of each label's neurons
        int correct = 0;
        int trials = 0;
        for (int repeat = 0; repeat < 3; repeat++) {
            for (int p = 0; p < PATTERNS; p++) {
                int[] counts = present(sim, spikes, patterns[p]);
                double[] vote = new double[PATTERNS];
                int[] members = new int[PATTERNS];
                for (int n = 0; n < N; n++) {
                    if (label[n] >= 0) {
                        vote[label[n]] += counts[n];
                        members[label[n]]++;
                    }
                }
                int best = 0;
                for (int q = 0; q < PATTERNS; q++) {
                    vote[q] = members[q] == 0 ? -1 : vote[q] / members[q];
                    best = vote[q] > vote[best] ? q : best;
                }
                correct += best == p ? 1 : 0;
                trials++;
            }
        }
        double accuracy = (double) correct / trials;
        double contrast = receptiveFieldContrast(sim.connections(INPUT), patterns, label);
        System.out.printf("Diehl-Cook shape, %d exc + %d inh, 2 threads: %d presentations, %.1f s simulated in %.2f s"
                + " (%.3f s per simulated second); labels %s; %d of %d patterns have distinct best neurons; vote"
                + " accuracy %.2f; labelled neurons' weights %.1f times higher on their bar than off it%n", N, N,
                EPOCHS * PATTERNS, bioSeconds, trainSeconds, trainSeconds / bioSeconds, Arrays.toString(label),
                distinctWinners, PATTERNS, accuracy, contrast);
        assertTrue(distinctWinners >= PATTERNS - 1, "patterns answered most by distinct neurons: " + distinctWinners);
        assertTrue(accuracy >= 0.8, "vote accuracy " + accuracy + " (chance " + 1.0 / PATTERNS + ")");
        // the selectivity is learned, in the weights: random initial weights have a contrast of 1
        assertTrue(contrast > 3, "receptive fields look like the bars: contrast " + contrast);
    }

    /** The smallest ratio, over labelled neurons, of the mean input weight on its pattern's pixels to off them. */
    private static double receptiveFieldContrast(Connections input, double[][] patterns, int[] label) {
        double worst = Double.POSITIVE_INFINITY;
        for (int n = 0; n < N; n++) {
            if (label[n] < 0) {
                continue;
            }
            double on = 0;
            double off = 0;
            int onCount = 0;
            for (int s = 0; s < input.size(); s++) {
                if (input.post()[s] == n) {
                    boolean inPattern = patterns[label[n]][input.pre()[s]] > 0;
                    on += inPattern ? input.weight()[s] : 0;
                    off += inPattern ? 0 : input.weight()[s];
                    onCount += inPattern ? 1 : 0;
                }
            }
            worst = Math.min(worst, (on / onCount) / (off / (SIDE * SIDE - onCount)));
        }
        return worst;
    }
}
