package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.synlab.monitoring.RunHistory;

/**
 * The runs the dashboard has seen on the event bus, with their curves. It is the live runs table in
 * every case, and the history a new tab gets when the host has no run store to offer.
 *
 * <p>Bounded: at most {@code maxRuns} runs (the finished run updated longest ago goes first) and
 * {@code seriesCapacity} points per curve. Fed on the dashboard's event loop and read from worker
 * threads, hence the synchronized methods; each call is short.
 */
public final class MemoryRunHistory implements RunHistory {

    private final int maxRuns;
    private final int seriesCapacity;
    private final LongSupplier clock;
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();

    public MemoryRunHistory(int maxRuns, int seriesCapacity, LongSupplier clock) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1, not " + maxRuns);
        }
        this.maxRuns = maxRuns;
        this.seriesCapacity = seriesCapacity;
        this.clock = clock;
    }

    /**
     * Applies one event of the {@code synlab.runs.events} address.
     *
     * @return the run's row after the event, or null when the event is not one this class knows
     */
    public synchronized JsonObject apply(String event, JsonObject body) {
        String id = body.getString("run");
        if (id == null || !("started".equals(event) || "progress".equals(event) || "finished".equals(event))) {
            return null;
        }
        long now = clock.getAsLong();
        RunRecord run = runs.get(id);
        if (run == null) {
            run = new RunRecord(id, seriesCapacity, now);
            runs.put(id, run);
            evict();
        }
        switch (event) {
            case "started" -> run.started(body, now);
            case "progress" -> run.progress(body, now);
            default -> run.finished(body, now);
        }
        return run.row();
    }

    private void evict() {
        while (runs.size() > maxRuns) {
            RunRecord victim = runs.values().stream()
                    .filter(r -> !r.running())
                    .min(Comparator.comparingLong(RunRecord::updatedMillis))
                    // all running: drop the quietest, since memory stays bounded whatever happens
                    .orElseGet(() -> runs.values().stream().min(Comparator.comparingLong(RunRecord::updatedMillis)).orElseThrow());
            runs.remove(victim.id());
        }
    }

    /** The runs-table rows, newest first. */
    @Override
    public synchronized List<JsonObject> runs() {
        List<JsonObject> rows = new ArrayList<>();
        runs.values().forEach(r -> rows.add(r.row()));
        rows.sort(Comparator.comparingLong((JsonObject r) -> r.getLong("started_ms")).reversed());
        return rows;
    }

    @Override
    public synchronized JsonObject history(String runId) {
        RunRecord run = runs.get(runId);
        return run == null ? null : run.history();
    }

    public synchronized boolean knows(String runId) {
        return runs.containsKey(runId);
    }
}
