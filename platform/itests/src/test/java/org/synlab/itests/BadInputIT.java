package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real CLI: exit code 2 and exactly one clear line that names the file and
 * the key; a run that diverges exits 1 with status failed.
 */
class BadInputIT {

    @TempDir
    Path dir;

    /** Runs and returns the single error line, after checking exit code 2. */
    private static String refused(String... args) throws Exception {
        Synlab.Outcome o = Synlab.run(args);
        assertEquals(2, o.exit(), o::toString);
        List<String> lines = o.errorLines();
        assertEquals(1, lines.size(), o::toString);
        assertTrue(lines.get(0).startsWith("synlab: "), o::toString);
        return lines.get(0);
    }

    private static void assertContains(String line, String... fragments) {
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "'" + f + "' missing from: " + line);
        }
    }

    @Test
    void malformedYaml() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "seed: 1\nnetwork: {layers: [\n  {units: 2\n");
        assertContains(refused("run", file.toString()), file.toString(), "malformed YAML at line");
    }

    @Test
    void unknownKey() throws Exception {
        assertContains(refused("run", "experiments/xor-mlp.yaml", "trainig.epochs=3"),
                "experiments/xor-mlp.yaml", "trainig", "unknown key", "training");
    }

    @Test
    void unknownPluginNameListsTheKnownOnes() throws Exception {
        assertContains(refused("run", "experiments/xor-mlp.yaml", "network.layers.0.neuron=gelu"),
                "experiments/xor-mlp.yaml", "network.layers.0.neuron", "unknown neuron 'gelu'",
                "known: leaky-relu, linear, mcculloch-pitts, relu, sigmoid, softmax, step, tanh");
    }

    @Test
    void parameterOfTheWrongType() throws Exception {
        assertContains(refused("run", "experiments/xor-mlp.yaml", "learning.lr=fast"),
                "experiments/xor-mlp.yaml", "learning.lr", "must be a number", "'fast'");
    }

    @Test
    void parameterOutOfRange() throws Exception {
        assertContains(refused("run", "experiments/xor-mlp.yaml", "network.layers.0.dropout=2"),
                "experiments/xor-mlp.yaml", "network.layers.0.dropout", "expected a number in [0.0, 0.95], got 2.0");
    }

    @Test
    void missingFile() throws Exception {
        assertContains(refused("run", "experiments/no-such-experiment.yaml"),
                "experiments/no-such-experiment.yaml", "no such file");
    }

    @Test
    void missingFileArgumentAndUnknownCommand() throws Exception {
        assertContains(refused("run"), "run");
        assertContains(refused("fly"), "fly");
    }

    @Test
    void aRunThatDivergesToNanExitsOneWithStatusFailed() throws Exception {
        Synlab.Outcome o = Synlab.run("run", "experiments/linear-regression.yaml", "learning.lr=1000", "--json");
        assertEquals(1, o.exit(), o::toString);
        JsonNode json = o.json();
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("reason").asText().startsWith("diverged: train.loss is"), json.toString());
    }
}
