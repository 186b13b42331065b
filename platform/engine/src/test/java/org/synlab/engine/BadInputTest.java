package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is refused before the run starts, naming the file and the key. */
class BadInputTest {

    private static final Path XOR = Experiments.FOLDER.resolve("xor-mlp.yaml");

    private static BadInputException refused(String... overrides) {
        return assertThrows(BadInputException.class, () -> Experiments.prepare(XOR, overrides));
    }

    private static void assertMessage(BadInputException e, String key, String... fragments) {
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(XOR + ": " + key + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void unknownTopLevelKey() {
        assertMessage(refused("epochs=3"), "epochs", "unknown key", "training");
    }

    @Test
    void unknownLayerKey() {
        assertMessage(refused("network.layers.0.size=3"), "network.layers.0.size", "unknown key", "units");
    }

    @Test
    void unknownNeuronListsTheKnownOnes() {
        assertMessage(refused("network.layers.0.neuron=sigmoidal"), "network.layers.0.neuron",
                "unknown neuron 'sigmoidal'", "known: ", "relu", "sigmoid", "tanh");
    }

    @Test
    void aSpikingModelIsNotANeuronOfARateLayer() {
        BadInputException e = refused("network.layers.0.neuron=lif");
        assertMessage(e, "network.layers.0.neuron", "unknown neuron 'lif'", "known: ", "relu", "sigmoid");
        assertFalse(e.getMessage().contains("lif-cond"), "only rate models are listed: " + e.getMessage());
    }

    @Test
    void unknownRuleLossDatasetAndBackend() {
        assertMessage(refused("learning.rule=adamax"), "learning", "unknown learning-rule 'adamax'", "adam, adamw");
        assertMessage(refused("learning.loss=hinge"), "learning.loss", "unknown loss 'hinge'", "mse");
        assertMessage(refused("dataset.name=iris"), "dataset", "unknown dataset 'iris'", "logic-gates");
        assertMessage(refused("backend=gpu"), "backend", "unknown backend 'gpu'", "known: cpu");
    }

    @Test
    void parameterOfTheWrongType() {
        assertMessage(refused("learning.lr=fast"), "learning.lr", "must be a number", "'fast'");
        assertMessage(refused("network.layers.0.units=four"), "network.layers.0.units", "expected an integer", "'four'");
        assertMessage(refused("training.shuffle=7"), "training.shuffle", "expected true or false");
    }

    @Test
    void parameterOutOfRange() {
        assertMessage(refused("learning.lr=-1"), "learning.lr", "-1");
        assertMessage(refused("network.layers.0.dropout=1.5"), "network.layers.0.dropout", "[0.0, 0.95]");
        assertMessage(refused("training.epochs=0"), "training.epochs", "[1, ");
    }

    @Test
    void unknownPluginParameterListsTheKnownOnes() {
        assertMessage(refused("learning.momentum=0.9"), "learning.momentum", "unknown parameter 'momentum'", "lr");
        assertMessage(refused("network.layers.0.neuron.alpha=0.1"), "network.layers.0.neuron.alpha",
                "unknown parameter 'alpha'");
    }

    @Test
    void shapesThatDoNotFitTheData() {
        assertMessage(refused("network.layers.1.units=2"), "network.layers.1.units", "needs 1 units", "xor");
        assertMessage(refused("network.inputs=3"), "network.inputs", "2 features");
    }

    @Test
    void gradientRuleWithoutLoss() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Experiments.prepare(XOR, "learning.loss=~"));
        assertTrue(e.getMessage().contains("needs a loss"), e.getMessage());
    }

    @Test
    void stopConditionOnAnUnknownMetric() {
        assertMessage(refused("training.stop_when.metric=test.f1"), "training.stop_when.metric",
                "unknown metric 'test.f1'", "train.loss, train.accuracy");
    }

    @Test
    void supervisedLocalRuleOnAMultiLayerNetwork() {
        assertMessage(refused("learning={rule: perceptron}"), "learning", "supervised local rule", "2");
    }

    @Test
    void validationFractionOutOfRangeOrTooSmall() {
        assertMessage(refused("training.validation=0.7"), "training.validation", "[0.0, 0.5]", "0.7");
        assertMessage(refused("training.validation=some"), "training.validation", "expected a number", "'some'");
        assertMessage(refused("training.validation=0.1"), "training.validation", "holds out 0", "4 samples");
    }

    @Test
    void badSchedules() {
        assertMessage(refused("training.schedule=exponential"), "training.schedule", "unknown schedule 'exponential'",
                "constant, step, cosine");
        assertMessage(refused("training.schedule=step"), "training.schedule", "step_size");
        assertMessage(refused("training.schedule={name: step}"), "training.schedule.step_size", "missing");
        assertMessage(refused("training.schedule={name: step, step_size: 2, gamma: 2}"), "training.schedule.gamma",
                "[0.0, 1.0]", "2.0");
        assertMessage(refused("training.schedule={name: cosine, decay: 1}"), "training.schedule.decay", "unknown key",
                "min_lr");
        assertMessage(refused("training.schedule={name: cosine, min_lr: 1}"), "training.schedule.min_lr",
                "at most the base rate", "0.05");
    }

    @Test
    void scheduleOnALocalRule() {
        Path and = Experiments.FOLDER.resolve("perceptron-and.yaml");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Experiments.prepare(and, "training.schedule=cosine"));
        assertEquals("training.schedule", e.key());
        assertTrue(e.getMessage().contains("local rule"), e.getMessage());
    }

    @Test
    void badEarlyStopping() {
        assertMessage(refused("training.early_stopping={metric: val.loss}"), "training.early_stopping.metric",
                "unknown metric 'val.loss'", "train.loss, train.accuracy", "training.validation");
        assertMessage(refused("training.early_stopping={patience: -1}"), "training.early_stopping.patience", "-1");
        assertMessage(refused("training.early_stopping={mode: up}"), "training.early_stopping.mode",
                "unknown mode 'up'", "auto, min, max");
        assertMessage(refused("training.early_stopping={wait: 3}"), "training.early_stopping.wait", "unknown key",
                "patience", "restore_best");
        assertMessage(refused("training.early_stopping={restore_best: 1}"), "training.early_stopping.restore_best",
                "expected true or false");
        assertMessage(refused("training.early_stopping=3"), "training.early_stopping", "expected a mapping");
    }

    @Test
    void badCheckpointAndLoad(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertMessage(refused("training.checkpoint=5"), "training.checkpoint", "expected a non-empty string");
        assertMessage(refused("network.load=missing.safetensors"), "network.load", "no such file",
                "missing.safetensors");
        Path xor = dir.resolve("xor.yaml");
        java.nio.file.Files.copy(XOR, xor);
        RunResult saved = Experiments.run(xor, "training.checkpoint=w.safetensors", "training.epochs=1",
                "training.stop_when=~");
        assertEquals(RunStatus.FINISHED, saved.status(), saved.reason());
        BadInputException e = assertThrows(BadInputException.class,
                () -> Experiments.prepare(xor, "network.load=w.safetensors", "network.layers.0.units=5"));
        assertEquals("network.load", e.key());
        assertTrue(e.getMessage().contains("layer1.weight") && e.getMessage().contains("[2, 4]")
                && e.getMessage().contains("[2, 5]"), e.getMessage());
        java.nio.file.Files.writeString(dir.resolve("junk.safetensors"), "junk");
        BadInputException junk = assertThrows(BadInputException.class,
                () -> Experiments.prepare(xor, "network.load=junk.safetensors"));
        assertTrue(junk.getMessage().contains("not a safetensors file"), junk.getMessage());
    }

    @Test
    void unlabelledDataTrainsOnlyWithAnUnsupervisedLocalRule() {
        Path oja = Experiments.FOLDER.resolve("oja-pca.yaml");
        BadInputException gradient = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "learning={rule: sgd, loss: mse, lr: 0.1}"));
        assertEquals("learning", gradient.key(), gradient.getMessage());
        assertTrue(gradient.getMessage().startsWith(oja + ": learning: "), gradient.getMessage());
        for (String fragment : new String[] {"'gaussian' is unlabelled", "'sgd'", "unsupervised local rule", "oja",
                "bcm"}) {
            assertTrue(gradient.getMessage().contains(fragment), () -> fragment + " missing: " + gradient.getMessage());
        }
        assertFalse(gradient.getMessage().contains("perceptron"), "perceptron is supervised: " + gradient.getMessage());
        BadInputException supervised = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "learning={rule: perceptron}"));
        assertEquals("learning", supervised.key());
        assertTrue(supervised.getMessage().contains("'perceptron', which learns from targets"), supervised.getMessage());
        BadInputException loss = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "learning.loss=mse"));
        assertEquals("learning.loss", loss.key(), loss.getMessage());
        assertTrue(loss.getMessage().contains("nothing for a loss to compare"), loss.getMessage());
        BadInputException accuracy = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "training.stop_when={metric: train.accuracy, at_least: 1}"));
        assertEquals("training.stop_when.metric", accuracy.key());
        assertTrue(accuracy.getMessage().contains("unknown metric 'train.accuracy'"), accuracy.getMessage());
    }

    @Test
    void badGaussianAndPatternParametersNameTheirKey() {
        Path oja = Experiments.FOLDER.resolve("oja-pca.yaml");
        BadInputException std = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "dataset.std=[1.0, -1.0]"));
        assertEquals("dataset.std", std.key(), std.getMessage());
        assertTrue(std.getMessage().startsWith(oja + ": dataset.std: ") && std.getMessage().contains(">= 0"),
                std.getMessage());
        BadInputException inputs = assertThrows(BadInputException.class,
                () -> Experiments.prepare(oja, "dataset.std=[1.0, 2.0, 3.0]", "network.inputs=2"));
        assertEquals("network.inputs", inputs.key());
        assertTrue(inputs.getMessage().contains("3 features"), inputs.getMessage());
        Path bcm = Experiments.FOLDER.resolve("bcm-selectivity.yaml");
        BadInputException level = assertThrows(BadInputException.class,
                () -> Experiments.prepare(bcm, "dataset.level=0.1"));
        assertEquals("dataset.level", level.key(), level.getMessage());
        assertTrue(level.getMessage().contains("background"), level.getMessage());
    }
}
