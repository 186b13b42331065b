package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.monitoring.RunHistory;

/**
 * The runs a tab sees: the host's stored runs with the live rows laid over them (the bus is newer
 * than the store, which writes in batches), and the history of one run, from the store when it has
 * the run, else from memory.
 */
final class RunsView {

    private final RunHistory host;
    private final MemoryRunHistory memory;

    RunsView(RunHistory host, MemoryRunHistory memory) {
        this.host = host;
        this.memory = memory;
    }

    /** The host's part, read on a worker thread since a store may block; empty without a host history. */
    List<JsonObject> storedRuns() {
        return host == null ? List.of() : host.runs();
    }

    /** Stored runs first in their order, each replaced by its live row where there is one; unseen live runs in front. */
    List<JsonObject> merge(List<JsonObject> stored) {
        Map<String, JsonObject> live = new LinkedHashMap<>();
        memory.runs().forEach(r -> live.put(r.getString("run"), r));
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject s : stored) {
            String id = s.getString("run");
            if (!live.containsKey(id)) {
                out.add(s);
            }
        }
        List<JsonObject> all = new ArrayList<>(live.values());
        all.addAll(out);
        return all;
    }

    /** Called on a worker thread. */
    JsonObject history(String runId) {
        JsonObject stored = host == null ? null : host.history(runId);
        return stored != null ? stored : memory.history(runId);
    }
}
