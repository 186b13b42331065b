package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A short MNIST training on the real files (fetched by the dataset on first use): a few thousand
 * images, two epochs, an accuracy floor, and the classification report in the JSON summary. The
 * full 10-epoch runs belong to bench/mnist-vs-pytorch.sh.
 */
class MnistIT {

    @Test
    void shortMnistTrainingLearnsAndReportsPerDigit() throws Exception {
        Synlab.Outcome o = Synlab.run("run", "experiments/mnist-mlp.yaml", "dataset.train_size=5000",
                "dataset.test_size=1000", "training.epochs=2", "--json");
        assertEquals(0, o.exit(), o::toString);
        JsonNode json = o.json();
        assertEquals("finished", json.get("status").asText(), o::toString);
        JsonNode m = json.get("metrics");
        assertTrue(m.get("test.accuracy").asDouble() > 0.88, "test accuracy " + m.get("test.accuracy"));
        assertTrue(m.get("samples_per_second").asDouble() > 0);
        assertEquals(2.0, m.get("epochs").asDouble());

        JsonNode report = json.get("report");
        assertEquals(10, report.get("classes").size());
        long support = 0;
        for (JsonNode row : report.get("per_class")) {
            support += row.get("support").asLong();
        }
        assertEquals(1000, support);
        JsonNode confusion = report.get("confusion_matrix");
        assertEquals(10, confusion.size());
        long diagonal = 0;
        for (int i = 0; i < 10; i++) {
            diagonal += confusion.get(i).get(i).asLong();
        }
        assertEquals(m.get("test.accuracy").asDouble(), diagonal / 1000.0, 1e-9);
        assertTrue(report.get("macro_avg").get("f1-score").asDouble() > 0.85);
    }
}
