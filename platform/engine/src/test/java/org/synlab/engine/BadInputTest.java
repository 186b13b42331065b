package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
