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
import org.synlab.engine.ClassificationReport;
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
                "notes", "history", "report"), keys);
        assertTrue(json.get("report").isNull(), "a failed run has no report");
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

    private static final ClassificationReport REPORT = new ClassificationReport("test", List.of("0", "1"),
            List.of(new ClassificationReport.Row("0", 0.75, 1.0, 6.0 / 7, 3), new ClassificationReport.Row("1", 0, 0, 0, 1)),
            new ClassificationReport.Row("macro avg", 0.375, 0.5, 3.0 / 7, 4),
            new ClassificationReport.Row("weighted avg", 0.5625, 0.75, 9.0 / 14, 4), 0.75,
            List.of(List.of(3L, 0L), List.of(1L, 0L)));
    private static final RunSummary CLASSIFIED = new RunSummary("r-2", "blobs", "finished", null, 1, "cpu", 0.5,
            Map.of("test.accuracy", 0.75), List.of(), Map.of(), REPORT);

    @Test
    void jsonReportFollowsScikitLearnsNames() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Json.line(CLASSIFIED.toMap())).get("report");
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("split", "classes", "per_class", "macro_avg", "weighted_avg", "accuracy", "confusion_matrix"),
                keys);
        assertEquals(0.75, report.get("per_class").get("0").get("precision").asDouble());
        assertEquals(3, report.get("per_class").get("0").get("support").asLong());
        assertEquals(0.375, report.get("macro_avg").get("precision").asDouble());
        assertEquals(1, report.get("confusion_matrix").get(1).get(0).asLong());
        assertEquals(CLASSIFIED, RunSummary.fromJson(new JsonObject(CLASSIFIED.toJson().encode())));
    }

    @Test
    void humanSummaryPrintsTheReportAsScikitLearnDoes() {
        String text = SummaryText.format(CLASSIFIED);
        String table = String.join("\n",
                "              precision    recall  f1-score   support",
                "",
                "           0       0.75      1.00      0.86         3",
                "           1       0.00      0.00      0.00         1",
                "",
                "    accuracy                           0.75         4",
                "   macro avg       0.38      0.50      0.43         4",
                "weighted avg       0.56      0.75      0.64         4");
        assertTrue(text.contains(table), text);
        assertTrue(text.contains("confusion matrix (rows: true, columns: predicted)\n              0 1\n"
                + "           0  3 0\n           1  1 0\n"), text);
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
