package org.synlab.host.internal.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.host.internal.store.HistoryPoint;
import org.synlab.host.internal.store.RunFilter;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoredRun;
import org.synlab.monitoring.RunHistory;

/**
 * The dashboard's view of the past, read from the run store: a tab opened mid-run, or after the host
 * restarted, draws whole curves from what the store recorded. Called on a worker thread.
 */
public final class StoreRunHistory implements RunHistory {

    /** The runs table shows this many of the newest runs. */
    static final int RUNS_LISTED = 200;

    private final RunStore store;

    public StoreRunHistory(RunStore store) {
        this.store = store;
    }

    @Override
    public List<JsonObject> runs() {
        return store.list(RunFilter.ALL).stream().limit(RUNS_LISTED).map(StoreRunHistory::summary).toList();
    }

    @Override
    public JsonObject history(String runId) {
        StoredRun run = store.find(runId).orElse(null);
        if (run == null) {
            return null;
        }
        Map<String, JsonObject> series = new LinkedHashMap<>();
        for (HistoryPoint p : store.history(runId)) {
            JsonObject s = series.computeIfAbsent(p.metric(),
                    m -> new JsonObject().put("x", new JsonArray()).put("y", new JsonArray()));
            s.getJsonArray("x").add(p.step());
            s.getJsonArray("y").add(Double.isFinite(p.value()) ? p.value() : null);
        }
        return summary(run).put("series", new JsonObject(new LinkedHashMap<>(series)));
    }

    private static JsonObject summary(StoredRun run) {
        JsonObject metrics = new JsonObject();
        run.metrics().forEach((name, value) -> metrics.put(name, Double.isFinite(value) ? value : null));
        JsonObject out = new JsonObject()
                .put("run", run.id())
                .put("experiment", run.experiment())
                .put("status", run.status())
                .put("started_ms", run.startedMillis())
                .put("metrics", metrics);
        if (run.reason() != null) {
            out.put("reason", run.reason());
        }
        return out;
    }
}
