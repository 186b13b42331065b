package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./synlab plugins}: every shipped part, with kind, bundle and version, from the real bundles. */
class PluginsIT {

    @TempDir
    Path deploy;

    @Test
    void listsEveryShippedPartWithItsBundle() throws Exception {
        // a folder with exactly the shipped bundles, whatever else a developer dropped into bundles/
        try (var jars = Files.newDirectoryStream(Synlab.ROOT.resolve("bundles"), "synlab-*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, deploy.resolve(jar.getFileName()));
            }
        }
        Synlab.Outcome o = Synlab.run(Map.of("SYNLAB_BUNDLES", deploy.toString()), "plugins", "--json");
        assertEquals(0, o.exit(), o::toString);
        JsonNode parts = o.json();
        Map<String, JsonNode> byName = new HashMap<>();
        parts.forEach(p -> byName.put(p.get("kind").asText() + ":" + p.get("name").asText(), p));
        String[][] expected = {
                {"backend:cpu", "org.synlab.backend-cpu"},
                {"neuron:mcculloch-pitts", "org.synlab.neurons-rate"}, {"neuron:step", "org.synlab.neurons-rate"},
                {"neuron:linear", "org.synlab.neurons-rate"}, {"neuron:sigmoid", "org.synlab.neurons-rate"},
                {"neuron:tanh", "org.synlab.neurons-rate"}, {"neuron:relu", "org.synlab.neurons-rate"},
                {"neuron:leaky-relu", "org.synlab.neurons-rate"}, {"neuron:softmax", "org.synlab.neurons-rate"},
                {"learning-rule:perceptron", "org.synlab.learning-perceptron"},
                {"learning-rule:sgd", "org.synlab.learning-gradient"}, {"learning-rule:momentum", "org.synlab.learning-gradient"},
                {"learning-rule:adam", "org.synlab.learning-gradient"}, {"learning-rule:adamw", "org.synlab.learning-gradient"},
                {"loss:mse", "org.synlab.learning-gradient"}, {"loss:binary-cross-entropy", "org.synlab.learning-gradient"},
                {"loss:categorical-cross-entropy", "org.synlab.learning-gradient"},
                {"dataset:logic-gates", "org.synlab.datasets-toy"}, {"dataset:blobs", "org.synlab.datasets-toy"},
                {"dataset:moons", "org.synlab.datasets-toy"}, {"dataset:linear-regression", "org.synlab.datasets-toy"},
                {"dataset:multilabel", "org.synlab.datasets-toy"}, {"dataset:gaussian", "org.synlab.datasets-toy"},
                {"dataset:patterns", "org.synlab.datasets-toy"},
                {"dataset:mnist", "org.synlab.datasets-mnist"}, {"dataset:fashion-mnist", "org.synlab.datasets-mnist"},
                {"neuron:lif", "org.synlab.neurons-spiking"}, {"neuron:lif-cond", "org.synlab.neurons-spiking"},
                {"neuron:lif-adaptive", "org.synlab.neurons-spiking"}, {"neuron:izhikevich", "org.synlab.neurons-spiking"},
                {"neuron:adex", "org.synlab.neurons-spiking"}, {"neuron:hh", "org.synlab.neurons-spiking"},
                {"learning-rule:hebb", "org.synlab.learning-plasticity"},
                {"learning-rule:hebb-normalised", "org.synlab.learning-plasticity"},
                {"learning-rule:oja", "org.synlab.learning-plasticity"}, {"learning-rule:bcm", "org.synlab.learning-plasticity"},
                {"learning-rule:stdp", "org.synlab.learning-plasticity"},
                {"learning-rule:stdp-triplet", "org.synlab.learning-plasticity"},
                {"learning-rule:rstdp", "org.synlab.learning-plasticity"},
                {"learning-rule:normalisation", "org.synlab.learning-plasticity"},
        };
        for (String[] e : expected) {
            JsonNode part = byName.get(e[0]);
            assertTrue(part != null, e[0] + " missing from " + byName.keySet());
            assertEquals(e[1], part.get("bundle").asText(), e[0]);
            assertTrue(part.get("version").asText().startsWith("0.1.0"), part.toString());
            assertTrue(part.get("description").asText().length() > 10, part.toString());
        }
        assertEquals(expected.length, parts.size(), "only the shipped parts are in bundles/: " + byName.keySet());
    }

    @Test
    void humanTableNamesEveryKind() throws Exception {
        Synlab.Outcome o = Synlab.run("plugins");
        assertEquals(0, o.exit(), o::toString);
        for (String kind : new String[] {"backend", "neuron", "learning-rule", "loss", "dataset"}) {
            assertTrue(o.stdout().contains(kind), o::toString);
        }
    }
}
