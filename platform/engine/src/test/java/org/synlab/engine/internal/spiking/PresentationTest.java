package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.engine.BadInputException;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

/**
 * The image-presentation protocol of Diehl and Cook on a 20-neuron network and six bar images: unsupervised
 * training, labelling, the vote on test images, the learned state saved and loaded back, and bad sections.
 */
class PresentationTest {

    @TempDir
    Path folder;

    private static String network(int threads) {
        return """
                experiment: dc-bars
                seed: 4
                threads: %d
                simulation: {dt: 0.5 ms}
                network:
                  populations:
                    exc: {size: 20, neuron: lif-adaptive, initial: {v: -105 mV}}
                    inh:
                      size: 20
                      neuron: lif-adaptive
                      params: {tau_m: 10 ms, El: -60 mV, Ei: -85 mV, vt: -40 mV, vr: -45 mV, tau_ref: 2 ms,
                               theta_plus: 0 mV}
                  sources:
                    input: {poisson: 0 Hz, size: 784}
                  projections:
                    - {name: input, pre: input, post: exc, connector: all_to_all, target: ge,
                       weight: {uniform: [0.003, 0.303]},
                       plasticity: {rule: stdp-triplet, pairing: nearest, a2_plus: 0, a3_plus: 0.01,
                                    a2_minus: 0.0001, a3_minus: 0, tau_plus: 20, tau_minus: 20, tau_y: 40,
                                    w_min: 0, w_max: 1, normalise_total: 78}}
                    - {name: exc-inh, pre: exc, post: inh, connector: one_to_one, target: ge, weight: 10.4}
                    - {name: inh-exc, pre: inh, post: exc, connector: all_but_self, target: gi,
                       sign: inhibitory, weight: 17}
                """.formatted(threads);
    }

    private Path experiment(String name, int threads, String presentation) {
        return SpikingRuns.write(folder, name, network(threads) + presentation);
    }

    private static final String TRAIN = """
            presentation:
              dataset: bars
              input: input
              layer: exc
              train: 120
              label: 60
              test: 60
              hold: [theta]
              save: learned.safetensors
              report_every: 50
            """;

    @Test
    void learnsTheBarsWithoutLabelsThenVotesOnTestImages() throws Exception {
        RunResult r = SpikingRuns.run(experiment("train", 1, TRAIN));
        assertEquals(RunStatus.FINISHED, r.status(), r::reason);
        Map<String, Double> m = r.metrics();
        System.out.printf("Diehl-Cook protocol on bars: test accuracy %.3f, %d labelled neurons, %.0f repeats,"
                        + " %.1f s simulated in %.2f s%n", m.get("test.accuracy"), m.get("labelled_neurons").intValue(),
                m.get("repeats"), m.get("sim.bio_seconds"), m.get("sim.wall_seconds"));
        // chance is 1/6; the network tells the six bars apart after one pass over 120 images
        assertTrue(m.get("test.accuracy") >= 0.8, "test accuracy " + m.get("test.accuracy"));
        assertEquals(120.0, m.get("train.images"));
        assertEquals(60.0, m.get("label.images"));
        assertEquals(60.0, m.get("test.images"));
        assertTrue(m.get("labelled_neurons") >= 6, "labelled neurons " + m.get("labelled_neurons"));
        // every image shows for 500 ms at least once
        assertTrue(m.get("sim.bio_seconds") >= 240 * 0.5, "bio seconds " + m.get("sim.bio_seconds"));
        assertEquals(m.get("sim.bio_seconds"), (m.get("images_shown") + m.get("repeats")) * 0.5, 1e-9);

        // the breakdown covers the loop's time without exceeding it
        double parts = 0;
        for (String phase : List.of("neurons", "sources", "delivery", "plasticity", "recording_and_sync",
                "normalisation", "protocol")) {
            Double seconds = m.get("time." + phase + "_seconds");
            assertNotNull(seconds, phase);
            assertTrue(seconds >= 0, phase + " " + seconds);
            parts += seconds;
        }
        assertEquals(m.get("sim.wall_seconds"), parts, 0.02 * m.get("sim.wall_seconds") + 1e-3);
        assertTrue(m.get("time.plasticity_seconds") > 0);

        assertNotNull(r.report());
        long support = r.report().perClass().stream().mapToLong(row -> row.support()).sum();
        assertEquals(60, support);
        assertEquals(20, r.history().get("labels.exc").size());
        assertTrue(Files.size(folder.resolve("learned.safetensors")) > 784 * 20 * 4);
    }

    @Test
    void evaluatesFromASavedStateWithoutTraining() throws Exception {
        RunResult trained = SpikingRuns.run(experiment("train", 1, TRAIN));
        assertEquals(RunStatus.FINISHED, trained.status(), trained::reason);
        Path saved = folder.resolve("learned.safetensors");
        RunResult evaluated = SpikingRuns.run(experiment("evaluate", 1, """
                presentation: {dataset: bars, input: input, layer: exc, train: 0, test: 60, hold: [theta],
                               load: learned.safetensors}
                """));
        assertEquals(RunStatus.FINISHED, evaluated.status(), evaluated::reason);
        // the labels came from the file, and the weights it ends with are the saved ones (learning is off)
        assertEquals(trained.history().get("labels.exc"), evaluated.history().get("labels.exc"));
        assertEquals(trained.metrics().get("weight_mean.input"), evaluated.metrics().get("weight_mean.input"));
        assertTrue(evaluated.notes().stream().anyMatch(n -> n.contains("labels loaded")), evaluated.notes()::toString);
        assertTrue(evaluated.metrics().get("test.accuracy") >= 0.8, "accuracy " + evaluated.metrics());
        assertEquals(0.0, evaluated.metrics().get("train.images"));
        assertTrue(Files.exists(saved));
    }

    @Test
    void sameSeedSameResultOnOneAndTwoThreads() throws Exception {
        String short_ = TRAIN.replace("train: 120", "train: 15\n  epochs: 2").replace("label: 60", "label: 12")
                .replace("test: 60", "test: 12");
        RunResult one = SpikingRuns.run(experiment("one", 1, short_.replace("learned.", "one.")));
        RunResult two = SpikingRuns.run(experiment("two", 2, short_.replace("learned.", "two.")));
        assertEquals(RunStatus.FINISHED, two.status(), two::reason);
        assertEquals(30.0, one.metrics().get("train.images"), "two passes over 15 images");
        assertEquals(2.0, one.metrics().get("train.epochs"));
        assertTrue(one.history().get("weights.input").equals(two.history().get("weights.input")),
                "every learned weight is the same on 1 and 2 threads");
        assertEquals(one.metrics().get("weight_mean.input"), two.metrics().get("weight_mean.input"));
        assertEquals(one.metrics().get("sim.spikes"), two.metrics().get("sim.spikes"));
        assertEquals(one.metrics().get("test.accuracy"), two.metrics().get("test.accuracy"));
        assertEquals(one.history().get("labels.exc"), two.history().get("labels.exc"));
        // weights, thresholds and labels, byte for byte
        assertArrayEquals(Files.readAllBytes(folder.resolve("one.safetensors")),
                Files.readAllBytes(folder.resolve("two.safetensors")));
    }

    @Test
    void reportsHandTheListenerTheReceptiveFieldsAsImages() throws Exception {
        List<float[]> frames = new java.util.ArrayList<>();
        int[] shape = new int[3];
        RunListener listener = new RunListener() {
            @Override
            public void weights(String projection, long step, int rows, int cols, int width, float[] values) {
                assertEquals("input", projection);
                shape[0] = rows;
                shape[1] = cols;
                shape[2] = width;
                frames.add(values);
            }
        };
        String brief = TRAIN.replace("train: 120", "train: 20").replace("label: 60", "label: 10")
                .replace("test: 60", "test: 10").replace("report_every: 50", "report_every: 10");
        RunResult r = SpikingRuns.prepare(experiment("fields", 1, brief)).execute(listener,
                new org.synlab.engine.RunControl());
        assertEquals(RunStatus.FINISHED, r.status(), r::reason);
        // a report every 10 of the 40 images shown
        assertEquals(4, frames.size());
        assertArrayEquals(new int[] {20, 784, 28}, shape);
        // the last frame (after testing, learning off) holds the saved weights, one row per neuron
        float[] last = frames.get(frames.size() - 1);
        float[] saved = org.synlab.engine.internal.SafetensorsReader.read(folder.resolve("learned.safetensors"))
                .tensors().get("weights.input").values();
        for (int pre = 0; pre < 784; pre++) {
            for (int n = 0; n < 20; n++) {
                assertEquals(saved[pre * 20 + n], last[n * 784 + pre], "weight " + pre + " -> " + n);
            }
        }
        assertTrue(!java.util.Arrays.equals(frames.get(0), last), "the fields change while learning");
    }

    @Test
    void badSectionsNameTheKey() {
        BadInputException notPoisson = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(
                experiment("bad1", 1, "presentation: {dataset: bars, input: exc, layer: exc}\n")));
        assertTrue(notPoisson.getMessage().contains("presentation.input")
                && notPoisson.getMessage().contains("Poisson source"), notPoisson.getMessage());

        BadInputException noLayer = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(
                experiment("bad2", 1, "presentation: {dataset: bars, input: input, layer: out}\n")));
        assertTrue(noLayer.getMessage().contains("presentation.layer") && noLayer.getMessage().contains("'out'"),
                noLayer.getMessage());

        BadInputException hold = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(
                experiment("bad3", 1, "presentation: {dataset: bars, input: input, layer: exc, hold: [w]}\n")));
        assertTrue(hold.getMessage().contains("presentation.hold") && hold.getMessage().contains("theta"),
                hold.getMessage());

        BadInputException tooMany = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(
                experiment("bad4", 1, "presentation: {dataset: bars, input: input, layer: exc, train: 999}\n")));
        assertTrue(tooMany.getMessage().contains("presentation.train"), tooMany.getMessage());

        BadInputException duration = assertThrows(BadInputException.class, () -> SpikingRuns.prepare(
                SpikingRuns.write(folder, "bad5", network(1).replace("{dt: 0.5 ms}", "{dt: 0.5 ms, duration: 1 s}")
                        + "presentation: {dataset: bars, input: input, layer: exc}\n")));
        assertTrue(duration.getMessage().contains("simulation.duration"), duration.getMessage());
    }

    @Test
    void aStateFileOfAnotherNetworkIsRefusedWithWhatDiffers() throws Exception {
        RunResult trained = SpikingRuns.run(experiment("train", 1, TRAIN.replace("train: 120", "train: 6")
                .replace("label: 60", "label: 6").replace("test: 60", "test: 0")));
        assertEquals(RunStatus.FINISHED, trained.status(), trained::reason);
        String bigger = network(1).replace("exc: {size: 20", "exc: {size: 21").replace("size: 20\n", "size: 21\n");
        RunResult r = SpikingRuns.run(SpikingRuns.write(folder, "other", bigger
                + "presentation: {dataset: bars, input: input, layer: exc, train: 0, test: 6,"
                + " load: learned.safetensors}\n"));
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.reason().contains("learned.safetensors") && r.reason().contains("weights.input"), r.reason());
    }
}
