package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String XOR = """
            seed: 5
            dataset: {name: logic-gates, gates: xor}
            network:
              layers:
                - {units: 4, neuron: sigmoid}
                - {units: 1, neuron: sigmoid}
            learning: {rule: adam, loss: binary-cross-entropy, lr: 0.05}
            training: {epochs: 10}
            """;

    @Test
    void nameDefaultsToTheFileNameAndSeedIsRead() throws Exception {
        Experiment e = ExperimentLoader.load(write("xor-net.yaml", XOR), List.of());
        assertEquals("xor-net", e.name());
        assertEquals(5, e.seed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void overridesReplaceValuesByDottedPathKeepingTheirYamlType() throws Exception {
        Experiment e = ExperimentLoader.load(write("x.yaml", XOR),
                List.of("learning.lr=0.1", "seed=7", "network.layers.0.units=8", "training.shuffle=false",
                        "network.layers.1.neuron.alpha=0.2", "dataset.repeat=3"));
        Map<String, Object> learning = (Map<String, Object>) e.config().get("learning");
        assertEquals(0.1, learning.get("lr"));
        assertEquals(7, e.seed());
        List<Map<String, Object>> layers = (List<Map<String, Object>>) ((Map<String, Object>) e.config().get("network")).get("layers");
        assertEquals(8, layers.get(0).get("units"));
        assertEquals(Map.of("name", "sigmoid", "alpha", 0.2), layers.get(1).get("neuron"));
        assertEquals(false, ((Map<String, Object>) e.config().get("training")).get("shuffle"));
        assertEquals(3, ((Map<String, Object>) e.config().get("dataset")).get("repeat"));
        assertEquals(6, e.overrides().size());
    }

    @Test
    void malformedYamlNamesTheFileAndTheLine() throws Exception {
        Path file = write("bad.yaml", "seed: 1\nnetwork: {layers: [\n  {units: 2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file.toString() + ": malformed YAML at line"), e.getMessage());
        assertNull(e.key());
    }

    @Test
    void missingFileIsBadInput() {
        Path file = dir.resolve("nope.yaml");
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentLoader.load(file, List.of()));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void aTopLevelThatIsNotAMappingIsRejected() throws Exception {
        Path file = write("list.yaml", "- 1\n- 2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentLoader.load(file, List.of()));
        assertTrue(e.getMessage().contains("expected a YAML mapping"), e.getMessage());
    }

    @Test
    void malformedOverridesNameTheKey() throws Exception {
        Path file = write("x.yaml", XOR);
        BadInputException noEquals = assertThrows(BadInputException.class,
                () -> ExperimentLoader.load(file, List.of("learning.lr")));
        assertEquals("learning.lr", noEquals.key());
        BadInputException badIndex = assertThrows(BadInputException.class,
                () -> ExperimentLoader.load(file, List.of("network.layers.5.units=3")));
        assertEquals("network.layers.5", badIndex.key());
        assertTrue(badIndex.getMessage().contains("the list has 2 element(s)"), badIndex.getMessage());
        BadInputException intoScalar = assertThrows(BadInputException.class,
                () -> ExperimentLoader.load(file, List.of("seed.x=1")));
        assertEquals("seed", intoScalar.key());
    }

    @Test
    void aSeedThatIsNotAnIntegerIsRejected() throws Exception {
        Path file = write("x.yaml", XOR);
        BadInputException e = assertThrows(BadInputException.class,
                () -> ExperimentLoader.load(file, List.of("seed=abc")));
        assertEquals("seed", e.key());
        assertEquals(file + ": seed: expected an integer, got abc", e.getMessage());
    }
}
