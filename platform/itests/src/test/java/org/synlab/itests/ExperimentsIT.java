package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Each shipped experiment through the real CLI: exit code, the JSON summary, and its promised figure. */
class ExperimentsIT {

    private static JsonNode finished(String file, String... overrides) throws Exception {
        String[] args = new String[overrides.length + 3];
        args[0] = "run";
        args[1] = "experiments/" + file;
        System.arraycopy(overrides, 0, args, 2, overrides.length);
        args[args.length - 1] = "--json";
        Synlab.Outcome o = Synlab.run(args);
        assertEquals(0, o.exit(), o::toString);
        JsonNode json = o.json();
        assertEquals("finished", json.get("status").asText(), o::toString);
        assertTrue(json.get("reason").isNull());
        assertTrue(json.get("run").asText().length() > 0);
        assertEquals("cpu", json.get("backend").asText());
        assertTrue(json.get("wall_seconds").isNumber());
        assertTrue(json.get("seed").isIntegralNumber());
        return json;
    }

    @Test
    void mcCullochPittsLogicGates() throws Exception {
        JsonNode json = finished("mcp-logic-gates.yaml");
        assertEquals("mcp-logic-gates", json.get("experiment").asText());
        JsonNode m = json.get("metrics");
        for (String key : new String[] {"train.accuracy", "train.accuracy.and", "train.accuracy.or", "train.accuracy.not"}) {
            assertEquals(1.0, m.get(key).asDouble(), key);
        }
    }

    @Test
    void perceptronConvergesOnAnd() throws Exception {
        JsonNode m = finished("perceptron-and.yaml").get("metrics");
        assertEquals(1.0, m.get("train.accuracy").asDouble());
        assertEquals(1.0, m.get("converged").asDouble());
        assertEquals(5.0, m.get("epochs_to_converge").asDouble());
    }

    @Test
    void perceptronOnXorFinishesWithoutConvergingAndSaysSo() throws Exception {
        JsonNode json = finished("perceptron-xor.yaml");
        JsonNode m = json.get("metrics");
        assertTrue(m.get("train.accuracy").asDouble() < 1.0);
        assertEquals(0.0, m.get("converged").asDouble());
        assertTrue(json.get("notes").toString().contains("did not converge"), json.toString());
    }

    @Test
    void xorMlpSolvesXor() throws Exception {
        JsonNode m = finished("xor-mlp.yaml").get("metrics");
        assertEquals(1.0, m.get("train.accuracy").asDouble());
        assertTrue(m.get("train.loss").asDouble() < 0.01);
        assertTrue(m.get("samples_per_second").asDouble() > 0);
    }

    @Test
    void binaryMlpLossFallsEveryEpoch() throws Exception {
        JsonNode json = finished("binary-mlp.yaml");
        JsonNode loss = json.get("history").get("train.loss");
        assertEquals(20, loss.size());
        for (int i = 1; i < loss.size(); i++) {
            assertTrue(loss.get(i).asDouble() < loss.get(i - 1).asDouble(), "epoch " + (i + 1) + ": " + loss);
        }
        assertEquals(20.0, json.get("metrics").get("epochs").asDouble());
    }

    @Test
    void linearRegressionRecoversTheWeights() throws Exception {
        JsonNode m = finished("linear-regression.yaml").get("metrics");
        assertTrue(m.get("truth.weights_max_abs_error").asDouble() < 0.01, m.toString());
        assertTrue(m.get("truth.bias_max_abs_error").asDouble() < 0.01, m.toString());
    }

    @Test
    void ojaFindsTheFirstPrincipalComponent() throws Exception {
        for (String file : new String[] {"oja-pca.yaml", "oja-pca-10d.yaml"}) {
            JsonNode m = finished(file).get("metrics");
            assertTrue(m.get("truth.pc1_cosine").asDouble() >= 0.99, file + ": " + m);
            assertEquals(1.0, m.get("weights.norm").asDouble(), 0.01, file + ": " + m);
        }
    }

    @Test
    void bcmBecomesSelective() throws Exception {
        JsonNode json = finished("bcm-selectivity.yaml");
        JsonNode m = json.get("metrics");
        assertEquals(3.0, m.get("patterns.unit1.preferred").asDouble(), m.toString());
        assertTrue(m.get("patterns.unit1.selectivity").asDouble() > 0.7, m.toString());
        assertTrue(m.get("patterns.unit1.response.p3").asDouble() > 3, m.toString());
        assertEquals(50, json.get("history").get("patterns.selectivity").size());
    }

    @Test
    void overridesChangeTheRunAndShowInTheSummary() throws Exception {
        JsonNode json = finished("xor-mlp.yaml", "seed=3", "training.epochs=5", "training.stop_when=~");
        assertEquals(3, json.get("seed").asInt());
        assertEquals(5.0, json.get("metrics").get("epochs").asDouble());
    }

    @Test
    void progressGoesToStderrAndTheHumanSummaryToStdout() throws Exception {
        Synlab.Outcome o = Synlab.run("run", "experiments/binary-mlp.yaml", "training.epochs=3");
        assertEquals(0, o.exit(), o::toString);
        assertTrue(o.stderr().contains("epoch 3/3"), o::toString);
        assertTrue(o.stderr().contains("loss"), o::toString);
        assertTrue(o.stdout().contains("finished"), o::toString);
    }
}
