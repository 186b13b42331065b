package org.synlab.host.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.synlab.engine.RunResult;

/**
 * The outcome of a run as the CLI reports it and the {@code finished} event carries it. Keys:
 * {@code run, experiment, status, reason, seed, backend, wall_seconds, metrics, notes, history}
 * (history: per-epoch values of the training metrics, epoch 1 first). A metric that is not a
 * finite number is written as null, since JSON has no NaN.
 */
public record RunSummary(String run, String experiment, String status, String reason, long seed, String backend,
                         double wallSeconds, Map<String, Double> metrics, List<String> notes,
                         Map<String, List<Double>> history) {

    public RunSummary {
        metrics = new TreeMap<>(metrics);
        notes = List.copyOf(notes);
        history = new TreeMap<>(history);
    }

    /** A summary without per-epoch history. */
    public RunSummary(String run, String experiment, String status, String reason, long seed, String backend,
                      double wallSeconds, Map<String, Double> metrics, List<String> notes) {
        this(run, experiment, status, reason, seed, backend, wallSeconds, metrics, notes, Map.of());
    }

    static RunSummary of(String runId, RunTask task, RunResult result) {
        return new RunSummary(runId, task.experiment(), result.status().label(), result.reason(), task.seed(),
                task.backend(), result.wallSeconds(), result.metrics(), result.notes(), result.history());
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
        return map;
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
                json.getDouble("wall_seconds", 0.0), metrics, notes, history);
    }
}
