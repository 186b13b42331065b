package org.synlab.host.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.RunResult;

/**
 * The outcome of a run as the CLI reports it and the {@code finished} event carries it. Keys:
 * {@code run, experiment, status, reason, seed, backend, wall_seconds, metrics, notes, history, report}
 * (history: per-epoch values of the training metrics, epoch 1 first). A metric that is not a
 * finite number is written as null, since JSON has no NaN.
 *
 * <p>{@code report} is the classification report (null for regression and failed runs), in
 * scikit-learn's {@code output_dict} vocabulary:
 * <pre>
 * {"split": "test", "classes": ["0", "1"],
 *  "per_class": {"0": {"precision": 0.9, "recall": 0.8, "f1-score": 0.85, "support": 25}, "1": {...}},
 *  "macro_avg": {...same four keys...}, "weighted_avg": {...}, "accuracy": 0.86,
 *  "confusion_matrix": [[20, 5], [2, 23]]}      # rows = true class, columns = predicted; [] for multi-label
 * </pre>
 */
public record RunSummary(String run, String experiment, String status, String reason, long seed, String backend,
                         double wallSeconds, Map<String, Double> metrics, List<String> notes,
                         Map<String, List<Double>> history, ClassificationReport report) {

    public RunSummary {
        metrics = new TreeMap<>(metrics);
        notes = List.copyOf(notes);
        history = new TreeMap<>(history);
    }

    /** A summary without a classification report. */
    public RunSummary(String run, String experiment, String status, String reason, long seed, String backend,
                      double wallSeconds, Map<String, Double> metrics, List<String> notes,
                      Map<String, List<Double>> history) {
        this(run, experiment, status, reason, seed, backend, wallSeconds, metrics, notes, history, null);
    }

    /** A summary without per-epoch history. */
    public RunSummary(String run, String experiment, String status, String reason, long seed, String backend,
                      double wallSeconds, Map<String, Double> metrics, List<String> notes) {
        this(run, experiment, status, reason, seed, backend, wallSeconds, metrics, notes, Map.of(), null);
    }

    static RunSummary of(String runId, RunTask task, RunResult result) {
        return new RunSummary(runId, task.experiment(), result.status().label(), result.reason(), task.seed(),
                task.backend(), result.wallSeconds(), result.metrics(), result.notes(), result.history(), result.report());
    }

    private static Object finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** Plain maps and lists, keys in the documented order, for Jackson. */
    public Map<String, Object> toMap() {
        Map<String, Object> metricsOut = new LinkedHashMap<>();
        metrics.forEach((k, v) -> metricsOut.put(k, finiteOrNull(v)));
        Map<String, Object> historyOut = new LinkedHashMap<>();
        history.forEach((k, values) -> historyOut.put(k, values.stream().map(RunSummary::finiteOrNull).toList()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", run);
        map.put("experiment", experiment);
        map.put("status", status);
        map.put("reason", reason);
        map.put("seed", seed);
        map.put("backend", backend);
        map.put("wall_seconds", wallSeconds);
        map.put("metrics", metricsOut);
        map.put("notes", notes);
        map.put("history", historyOut);
        map.put("report", report == null ? null : reportMap(report));
        return map;
    }

    private static Map<String, Object> reportMap(ClassificationReport report) {
        Map<String, Object> perClass = new LinkedHashMap<>();
        report.perClass().forEach(row -> perClass.put(row.label(), rowMap(row)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("split", report.split());
        map.put("classes", report.classes());
        map.put("per_class", perClass);
        map.put("macro_avg", rowMap(report.macroAvg()));
        map.put("weighted_avg", rowMap(report.weightedAvg()));
        map.put("accuracy", finiteOrNull(report.accuracy()));
        map.put("confusion_matrix", report.confusionMatrix());
        return map;
    }

    private static Map<String, Object> rowMap(ClassificationReport.Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("precision", row.precision());
        map.put("recall", row.recall());
        map.put("f1-score", row.f1());
        map.put("support", row.support());
        return map;
    }

    private static ClassificationReport reportFromJson(JsonObject json) {
        if (json == null) {
            return null;
        }
        List<String> classes = json.getJsonArray("classes", new JsonArray()).stream().map(String::valueOf).toList();
        JsonObject perClass = json.getJsonObject("per_class", new JsonObject());
        List<ClassificationReport.Row> rows = classes.stream()
                .map(c -> rowFromJson(c, perClass.getJsonObject(c, new JsonObject()))).toList();
        List<List<Long>> matrix = json.getJsonArray("confusion_matrix", new JsonArray()).stream()
                .map(r -> ((JsonArray) r).stream().map(v -> ((Number) v).longValue()).toList()).toList();
        Number accuracy = json.getNumber("accuracy");
        return new ClassificationReport(json.getString("split"), classes, rows,
                rowFromJson("macro avg", json.getJsonObject("macro_avg", new JsonObject())),
                rowFromJson("weighted avg", json.getJsonObject("weighted_avg", new JsonObject())),
                accuracy == null ? Double.NaN : accuracy.doubleValue(), matrix);
    }

    private static ClassificationReport.Row rowFromJson(String label, JsonObject json) {
        return new ClassificationReport.Row(label, json.getDouble("precision", 0.0), json.getDouble("recall", 0.0),
                json.getDouble("f1-score", 0.0), json.getLong("support", 0L));
    }

    /** The event-bus form: the same keys. */
    public JsonObject toJson() {
        return new JsonObject(toMap());
    }

    public static RunSummary fromJson(JsonObject json) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonObject m = json.getJsonObject("metrics", new JsonObject());
        for (String key : m.fieldNames()) {
            Number n = m.getNumber(key);
            metrics.put(key, n == null ? Double.NaN : n.doubleValue());
        }
        List<String> notes = json.getJsonArray("notes", new JsonArray()).stream().map(String::valueOf).toList();
        Map<String, List<Double>> history = new LinkedHashMap<>();
        JsonObject h = json.getJsonObject("history", new JsonObject());
        for (String key : h.fieldNames()) {
            history.put(key, h.getJsonArray(key).stream()
                    .map(v -> v instanceof Number n ? n.doubleValue() : Double.NaN).toList());
        }
        return new RunSummary(json.getString("run"), json.getString("experiment"), json.getString("status"),
                json.getString("reason"), json.getLong("seed", 0L), json.getString("backend"),
                json.getDouble("wall_seconds", 0.0), metrics, notes, history,
                reportFromJson(json.getJsonObject("report")));
    }
}
