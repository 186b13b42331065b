package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.synlab.host.internal.RunSummary;

/** The JSON summary line, the human summary and the progress bar. */
class RunOutputTest {

    private static final RunSummary FAILED = new RunSummary("r-0123abcd", "xor", "failed",
            "plugin backend:cpu (bundle org.synlab.backend-cpu 0.1.0) was removed", 42, "cpu", 1.5,
            Map.of("train.loss", 0.25, "train.accuracy", Double.NaN, "epochs", 3.0), List.of("stopped early"),
            Map.of("train.loss", List.of(0.5, 0.3, 0.25)));

    @Test
    void jsonSummaryHasTheDocumentedKeysAndTypes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Json.line(FAILED.toMap()));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("run", "experiment", "status", "reason", "seed", "backend", "wall_seconds", "metrics",
                "notes", "history"), keys);
        assertTrue(json.get("run").isTextual());
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("reason").isTextual());
        assertTrue(json.get("seed").isIntegralNumber());
        assertEquals(42, json.get("seed").asLong());
        assertTrue(json.get("wall_seconds").isNumber());
        assertTrue(json.get("metrics").isObject());
        assertTrue(json.get("metrics").get("train.loss").isNumber());
        assertTrue(json.get("metrics").get("train.accuracy").isNull(), "NaN is not JSON: written as null");
        assertTrue(json.get("notes").isArray());
        assertEquals("stopped early", json.get("notes").get(0).asText());
        assertEquals(0.3, json.get("history").get("train.loss").get(1).asDouble());
    }

    @Test
    void finishedRunHasANullReason() throws Exception {
        RunSummary ok = new RunSummary("r-1", "xor", "finished", null, 1, "cpu", 0.1, Map.of(), List.of());
        JsonNode json = new ObjectMapper().readTree(Json.line(ok.toMap()));
        assertTrue(json.has("reason") && json.get("reason").isNull());
        assertEquals(0, json.get("metrics").size());
    }

    @Test
    void summarySurvivesTheEventBusForm() {
        RunSummary back = RunSummary.fromJson(new JsonObject(FAILED.toJson().encode()));
        assertEquals(FAILED.run(), back.run());
        assertEquals(FAILED.reason(), back.reason());
        assertEquals(0.25, back.metrics().get("train.loss"));
        assertTrue(back.metrics().get("train.accuracy").isNaN());
        assertEquals(FAILED.notes(), back.notes());
        assertEquals(FAILED.history(), back.history());
    }

    @Test
    void humanSummaryNamesStatusReasonAndMetrics() {
        String text = SummaryText.format(FAILED);
        assertTrue(text.startsWith("r-0123abcd xor: failed (plugin backend:cpu"), text);
        assertTrue(text.contains("train.loss      0.25"), text);
        assertTrue(text.contains("note: stopped early"), text);
    }

    @Test
    void progressLineShowsEpochLossAccuracyAndSpeed() {
        String line = ProgressBar.line(3, 10, 0.3, Map.of("train.loss", 0.123456, "train.accuracy", 0.9,
                "samples_per_second", 1234.6));
        assertEquals("[#######.................] epoch 3/10  loss 0.1235  accuracy 0.9  1235 samples/s", line);
        assertEquals("[########################] epoch 2/2", ProgressBar.line(2, 2, 1.0, Map.of()));
    }

    @Test
    void withoutATerminalAtMostOneLinePerHalfSecondButAlwaysTheLast() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, clock::get);
        for (int epoch = 1; epoch <= 10; epoch++) {
            clock.addAndGet(200_000_000L); // an epoch every 0.2 s
            bar.update(progress(epoch, 10));
        }
        bar.finish();
        List<String> epochs = text.toString().lines().map(l -> l.replaceAll(".*epoch (\\d+)/10.*", "$1")).toList();
        assertEquals(List.of("1", "4", "7", "10"), epochs);
    }

    @Test
    void withoutATerminalARunEndingEarlyStillShowsItsLastReport() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, clock::get);
        for (int epoch = 1; epoch <= 42; epoch++) {
            clock.addAndGet(1_000_000L); // converges after 42 of 2000 epochs, quickly
            bar.update(progress(epoch, 2000));
        }
        bar.finish();
        List<String> epochs = text.toString().lines().map(l -> l.replaceAll(".*epoch (\\d+)/2000.*", "$1")).toList();
        assertEquals(List.of("1", "42"), epochs);
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, System::nanoTime);
        bar.update(progress(1, 2));
        bar.update(progress(2, 2));
        bar.finish();
        String s = text.toString();
        assertEquals(2, s.chars().filter(c -> c == '\r').count());
        assertTrue(s.endsWith("epoch 2/2  loss 0.5" + System.lineSeparator()), s);
    }

    private static JsonObject progress(int epoch, int epochs) {
        return new JsonObject().put("run", "r-1").put("epoch", epoch).put("epochs", epochs)
                .put("fraction", (double) epoch / epochs).put("metrics", new JsonObject().put("train.loss", 1.0 / epoch));
    }
}
