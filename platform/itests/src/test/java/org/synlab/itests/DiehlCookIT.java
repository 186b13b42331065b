package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short Diehl and Cook run on the real MNIST files through the real command line: experiments/diehl-cook-quick.yaml
 * with 30 excitatory neurons, 600 training images, labelled on 300 and tested on 300. Unsupervised STDP must do
 * clearly better than chance (10%), report its time breakdown, and save what it learned so that a second run can
 * evaluate it without training and get the same labels.
 */
class DiehlCookIT {

    @TempDir
    Path folder;

    @Test
    void shortUnsupervisedRunBeatsChanceAndItsLearnedStateEvaluatesAgain() throws Exception {
        Path saved = folder.resolve("dc.safetensors");
        Synlab.Outcome trained = Synlab.run("run", "experiments/diehl-cook-quick.yaml",
                "network.populations.exc.size=30", "network.populations.inh.size=30", "presentation.train=600",
                "presentation.label=300", "presentation.test=300", "presentation.save=" + saved, "--json");
        assertEquals(0, trained.exit(), trained::toString);
        JsonNode m = trained.json().get("metrics");
        assertTrue(m.get("test.accuracy").asDouble() > 0.35, "test accuracy " + m.get("test.accuracy"));
        assertEquals(600.0, m.get("train.images").asDouble());
        assertEquals(300.0, m.get("test.images").asDouble());
        assertTrue(m.get("sim.bio_seconds").asDouble() >= 1200 * 0.5);
        for (String phase : new String[] {"neurons", "sources", "delivery", "plasticity"}) {
            assertTrue(m.get("time." + phase + "_seconds").asDouble() > 0, phase);
        }
        assertEquals(10, trained.json().get("report").get("classes").size());
        assertTrue(Files.size(saved) > 784 * 30 * 4);

        Synlab.Outcome evaluated = Synlab.run("run", "experiments/diehl-cook-quick.yaml",
                "network.populations.exc.size=30", "network.populations.inh.size=30", "presentation.train=0",
                "presentation.test=300", "presentation.load=" + saved, "--json");
        assertEquals(0, evaluated.exit(), evaluated::toString);
        JsonNode e = evaluated.json();
        assertEquals(trained.json().get("history").get("labels.exc"), e.get("history").get("labels.exc"));
        assertEquals(m.get("weight_mean.input").asDouble(), e.get("metrics").get("weight_mean.input").asDouble());
        assertTrue(e.get("metrics").get("test.accuracy").asDouble() > 0.35, e.get("metrics").toString());
    }
}
