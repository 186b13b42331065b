package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the dashboard knows of one run: its row in the runs table and its curves. Not thread-safe. */
final class RunRecord {

    private final String id;
    private final int seriesCapacity;
    private final Map<String, Series> series = new TreeMap<>();
    private final Map<String, Double> last = new TreeMap<>();
    private final Map<String, Double> best = new TreeMap<>();
    private String experiment;
    private String status = "running";
    private String reason;
    private long startedMillis;
    private long updatedMillis;
    private int epoch;
    private int epochs;
    private double fraction;

    RunRecord(String id, int seriesCapacity, long now) {
        this.id = id;
        this.seriesCapacity = seriesCapacity;
        this.startedMillis = now;
        this.updatedMillis = now;
    }

    String id() {
        return id;
    }

    boolean running() {
        return "running".equals(status);
    }

    long updatedMillis() {
        return updatedMillis;
    }

    void started(JsonObject body, long now) {
        experiment = body.getString("experiment", experiment);
        status = "running";
        startedMillis = now;
        updatedMillis = now;
    }

    void progress(JsonObject body, long now) {
        epoch = body.getInteger("epoch", epoch);
        epochs = body.getInteger("epochs", epochs);
        fraction = body.getDouble("fraction", fraction);
        // the store's step is the epoch; a report part-way through an epoch sits between two epochs
        double step = epochs > 0 ? fraction * epochs : epoch;
        JsonObject metrics = body.getJsonObject("metrics", new JsonObject());
        for (String name : metrics.fieldNames()) {
            Number n = metrics.getNumber(name);
            double v = n == null ? Double.NaN : n.doubleValue();
            series.computeIfAbsent(name, k -> new Series(seriesCapacity)).add(step, v);
            record(name, v);
        }
        updatedMillis = now;
    }

    void finished(JsonObject body, long now) {
        experiment = body.getString("experiment", experiment);
        status = body.getString("status", "finished");
        reason = body.getString("reason");
        JsonObject metrics = body.getJsonObject("metrics", new JsonObject());
        for (String name : metrics.fieldNames()) {
            Number n = metrics.getNumber(name);
            record(name, n == null ? Double.NaN : n.doubleValue());
        }
        updatedMillis = now;
    }

    private void record(String name, double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        last.put(name, v);
        Better better = Better.of(name);
        if (better != null) {
            best.merge(name, v, better::pick);
        }
    }

    /** The runs-table row: {@code run, experiment, status, reason, started_ms, epoch, epochs, fraction, metrics, best}. */
    JsonObject row() {
        return new JsonObject()
                .put("run", id)
                .put("experiment", experiment)
                .put("status", status)
                .put("reason", reason)
                .put("started_ms", startedMillis)
                .put("epoch", epoch)
                .put("epochs", epochs)
                .put("fraction", fraction)
                .put("metrics", new JsonObject(new LinkedHashMap<>(last)))
                .put("best", new JsonObject(new LinkedHashMap<>(best)));
    }

    /** The {@link org.synlab.monitoring.RunHistory#history} form. */
    JsonObject history() {
        JsonObject s = new JsonObject();
        series.forEach((name, values) -> s.put(name, values.toJson()));
        return new JsonObject().put("run", id).put("experiment", experiment).put("status", status).put("series", s);
    }

    /** Which way a metric improves, read from its name: losses and errors fall, accuracies rise. */
    enum Better {
        LOWER, HIGHER;

        static Better of(String name) {
            if (name.contains("loss") || name.contains("error")) {
                return LOWER;
            }
            if (name.contains("accuracy") || name.contains("f1")) {
                return HIGHER;
            }
            return null;
        }

        double pick(double a, double b) {
            return this == LOWER ? Math.min(a, b) : Math.max(a, b);
        }
    }
}
