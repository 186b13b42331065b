package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;

/** Validation split, learning-rate schedules, early stopping, the classification report and checkpoints. */
class TrainingFeaturesTest {

    private static final ShippedPlugins PLUGINS = new ShippedPlugins();

    private static final String BLOBS = """
            experiment: blobs-mlp
            seed: 5
            dataset: {name: blobs, samples: 200, separation: 2.0}
            network:
              layers:
                - {units: 6, neuron: tanh}
                - {units: 1, neuron: sigmoid}
            learning: {rule: adam, loss: binary-cross-entropy, lr: 0.05}
            training: {epochs: 30, batch_size: 16}
            """;

    @TempDir
    Path dir;

    private static RunExecutor executorWithThreeBlobs() {
        Map<String, Dataset> datasets = new LinkedHashMap<>(PLUGINS.byName(Dataset.class));
        Dataset threeBlobs = new ThreeBlobsDataset();
        datasets.put(threeBlobs.name(), threeBlobs);
        return new RunExecutor(PLUGINS.byName(Backend.class), PLUGINS.byName(NeuronModel.class),
                PLUGINS.byName(LearningRule.class), PLUGINS.byName(Loss.class), datasets);
    }

    private RunResult run(String yaml, String... overrides) throws Exception {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, yaml);
        RunResult r = executorWithThreeBlobs().prepare(ExperimentLoader.load(file, List.of(overrides)))
                .execute(RunListener.NONE, new RunControl());
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        return r;
    }

    @Test
    void stepScheduleGivesTheExactRatePerEpochAndReachesTheOptimiser() throws Exception {
        RunResult r = Experiments.run("xor-mlp.yaml", "training.stop_when=~", "training.epochs=6",
                "training.schedule={name: step, step_size: 2, gamma: 0.5}");
        assertEquals(List.of(0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125), r.history().get("lr"));

        // gamma 0 from epoch 2 on: the weights stop changing, so the full-batch loss stops changing
        RunResult frozen = Experiments.run("xor-mlp.yaml", "training.stop_when=~", "training.epochs=3",
                "training.schedule={name: step, step_size: 1, gamma: 0}");
        List<Double> loss = frozen.history().get("train.loss");
        assertNotEquals(loss.get(0), loss.get(1));
        assertEquals(loss.get(1), loss.get(2));
    }

    @Test
    void cosineAndConstantSchedules() throws Exception {
        RunResult cosine = Experiments.run("xor-mlp.yaml", "training.stop_when=~", "training.epochs=4",
                "training.schedule={name: cosine, min_lr: 0.01}");
        List<Double> lr = cosine.history().get("lr");
        for (int e = 0; e < 4; e++) {
            assertEquals(0.01 + 0.04 * (1 + Math.cos(Math.PI * e / 4)) / 2, lr.get(e), 1e-15);
        }
        assertEquals(0.05, lr.get(0));
        RunResult constant = Experiments.run("xor-mlp.yaml", "training.stop_when=~", "training.epochs=3");
        assertEquals(List.of(0.05, 0.05, 0.05), constant.history().get("lr"));
    }

    @Test
    void validationIsEvaluatedAfterEveryEpoch() throws Exception {
        RunResult r = run(BLOBS, "training.validation=0.2", "training.epochs=4");
        assertEquals(4, r.history().get("val.loss").size());
        assertEquals(4, r.history().get("val.accuracy").size());
        assertEquals(r.history().get("val.loss").get(3), r.metrics().get("val.loss"));
        assertTrue(r.metrics().containsKey("test.accuracy"));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("validation: 30 of the 150 samples")), r.notes().toString());
        assertTrue(r.metrics().get("epoch_seconds") > 0);
        // the same seed holds out the same rows, so the validation curve repeats exactly
        RunResult again = run(BLOBS, "training.validation=0.2", "training.epochs=4");
        assertEquals(r.history().get("val.loss"), again.history().get("val.loss"));
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() throws Exception {
        // train.loss falls every epoch, so under mode max only epoch 1 ever improves
        RunResult r = run(BLOBS, "training.early_stopping={metric: train.loss, mode: max, patience: 2}");
        List<Double> loss = r.history().get("train.loss");
        assertTrue(loss.get(1) < loss.get(0) && loss.get(2) < loss.get(0), loss.toString());
        assertEquals(3.0, r.metrics().get("epochs"));
        assertEquals(1.0, r.metrics().get("stopped_early"));
        assertEquals(1.0, r.metrics().get("best_epoch"));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("stopped after epoch 3")
                && n.contains("restored the weights of epoch 1")), r.notes().toString());

        RunResult oneEpoch = run(BLOBS, "training.epochs=1");
        assertEquals(oneEpoch.metrics().get("test.loss"), r.metrics().get("test.loss"));
        assertEquals(oneEpoch.metrics().get("test.accuracy"), r.metrics().get("test.accuracy"));
    }

    @Test
    void earlyStoppingOnValidationLossMatchesARunThatEndsAtTheBestEpoch() throws Exception {
        String[] overrides = {"training.validation=0.2", "training.epochs=60", "learning.lr=0.2",
                "training.early_stopping={patience: 3, min_delta: 0.001}"};
        RunResult r = run(BLOBS, overrides);
        List<Double> val = r.history().get("val.loss");
        int expectedStop = expectedStop(val, 3, 0.001);
        assertEquals(expectedStop, r.metrics().get("epochs").intValue(), val.toString());
        int best = r.metrics().get("best_epoch").intValue();
        assertEquals(val.subList(0, expectedStop).stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                r.metrics().get("best.val.loss"), 0.001 + 1e-12);

        RunResult untilBest = run(BLOBS, "training.validation=0.2", "training.epochs=" + best, "learning.lr=0.2");
        assertEquals(untilBest.metrics().get("test.accuracy"), r.metrics().get("test.accuracy"));
        assertEquals(untilBest.metrics().get("test.loss"), r.metrics().get("test.loss"));
    }

    /** Keras's rule, applied to a recorded curve: the epoch training stops after (the budget if never). */
    private static int expectedStop(List<Double> values, int patience, double minDelta) {
        double best = Double.NaN;
        int wait = 0;
        for (int e = 0; e < values.size(); e++) {
            if (Double.isNaN(best) || values.get(e) < best - minDelta) {
                best = values.get(e);
                wait = 0;
            } else if (++wait >= patience) {
                return e + 1;
            }
        }
        return values.size();
    }

    @Test
    void binaryReportOnTheTestSplit() throws Exception {
        RunResult r = run(BLOBS);
        ClassificationReport report = r.report();
        assertEquals("test", report.split());
        assertEquals(List.of("0", "1"), report.classes());
        long total = report.confusionMatrix().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        assertEquals(50, total);
        assertEquals(r.metrics().get("test.accuracy"), report.accuracy(), 1e-12);
        assertEquals(report.macroAvg().f1(), r.metrics().get("test.f1_macro"));
        assertEquals(50, report.macroAvg().support());
    }

    @Test
    void multiclassReportNamesTheClasses() throws Exception {
        RunResult r = run("""
                seed: 2
                dataset: three-blobs
                network:
                  layers:
                    - {units: 8, neuron: relu, init: he-uniform}
                    - {units: 3, neuron: softmax}
                learning: {rule: adam, loss: categorical-cross-entropy, lr: 0.05}
                training: {epochs: 20, batch_size: 16}
                """);
        ClassificationReport report = r.report();
        assertEquals(List.of("left", "right", "top"), report.classes());
        assertEquals(3, report.confusionMatrix().size());
        for (int c = 0; c < 3; c++) {
            assertEquals(30, report.perClass().get(c).support());
            assertEquals(30, report.confusionMatrix().get(c).stream().mapToLong(Long::longValue).sum());
        }
        assertEquals(r.metrics().get("test.accuracy"), report.accuracy(), 1e-12);
        assertTrue(report.accuracy() > 0.8, report.toString());
    }

    @Test
    void multiLabelReportHasARowPerLabelAndRegressionHasNone() throws Exception {
        RunResult labels = Experiments.run("binary-mlp.yaml", "training.epochs=2");
        assertEquals(List.of("label-a", "label-b", "label-c"), labels.report().classes());
        assertEquals(labels.metrics().get("test.accuracy"), labels.report().accuracy(), 1e-12);
        assertNull(Experiments.run("linear-regression.yaml").report());
    }

    @Test
    void aSavedCheckpointEvaluatesToTheSameTestAccuracy() throws Exception {
        RunResult trained = run(BLOBS, "training.checkpoint=out/blobs.safetensors", "training.epochs=5");
        Path file = dir.resolve("out/blobs.safetensors");
        assertTrue(Files.isRegularFile(file));
        assertTrue(trained.notes().stream().anyMatch(n -> n.contains(file.toString())), trained.notes().toString());

        RunResult evaluated = run(BLOBS.replaceAll("(?s)learning:.*", "") , "network.load=out/blobs.safetensors");
        assertEquals(trained.metrics().get("test.accuracy"), evaluated.metrics().get("test.accuracy"));
        assertEquals(trained.report().confusionMatrix(), evaluated.report().confusionMatrix());
        assertTrue(evaluated.notes().stream().anyMatch(n -> n.startsWith("initialised from")), evaluated.notes().toString());

        RunResult fineTuned = run(BLOBS, "network.load=out/blobs.safetensors", "training.epochs=1");
        assertTrue(fineTuned.metrics().get("train.loss") < trained.history().get("train.loss").get(0));
    }

    @Test
    void withRestoreBestTheCheckpointHoldsTheBestEpoch() throws Exception {
        run(BLOBS, "training.checkpoint=best.safetensors",
                "training.early_stopping={metric: train.loss, mode: max, patience: 2}");
        RunResult evaluated = run(BLOBS.replaceAll("(?s)learning:.*", ""), "network.load=best.safetensors");
        RunResult oneEpoch = run(BLOBS, "training.epochs=1");
        assertEquals(oneEpoch.metrics().get("test.accuracy"), evaluated.metrics().get("test.accuracy"));
        assertEquals(oneEpoch.report().confusionMatrix(), evaluated.report().confusionMatrix());
        String header = new String(Files.readAllBytes(dir.resolve("best.safetensors")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("\"epoch\":\"1\""), header.substring(0, 200));
        assertTrue(header.contains("\"experiment\":\"blobs-mlp\""));
    }
}
