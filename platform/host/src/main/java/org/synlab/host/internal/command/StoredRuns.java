package org.synlab.host.internal.command;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoreSettings;
import org.synlab.host.internal.store.StoredRun;

/** What the store commands share: finding a run by id, and writing times and runs for people and for JSON. */
final class StoredRuns {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** How many candidates an ambiguous prefix lists. */
    private static final int CANDIDATES = 5;

    private StoredRuns() {
    }

    /** The store, or a usage error saying that it is switched off. */
    static RunStore require(CommandContext context) throws UsageException {
        return context.runStore().orElseThrow(() -> new UsageException("the run store is off (-D"
                + StoreSettings.STORE_PROPERTY + "=off or " + StoreSettings.STORE_ENV + "=off), so no runs are recorded"));
    }

    /**
     * The run with this id, or with the one id this prefix starts, as git takes a short hash.
     *
     * @throws UsageException naming what was expected, for an unknown id or an ambiguous prefix
     */
    static StoredRun find(RunStore store, String id) throws UsageException {
        var exact = store.find(id);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<String> candidates = id.isEmpty() ? List.of() : store.idsStartingWith(id, CANDIDATES + 1);
        if (candidates.size() == 1) {
            return store.find(candidates.getFirst()).orElseThrow();
        }
        if (candidates.size() > 1) {
            String listed = String.join(", ", candidates.subList(0, Math.min(CANDIDATES, candidates.size())));
            throw new UsageException("'" + id + "' matches several runs (" + listed
                    + (candidates.size() > CANDIDATES ? ", ..." : "") + "); give more of the id");
        }
        throw new UsageException("no run '" + id + "' in the run store " + store.settings().describe()
                + "; expected a run id such as r-1a2b3c4d, as 'synlab runs' lists them");
    }

    /** {@code 2026-11-23 01:02:03} in this machine's time zone; {@code -} for null. */
    static String local(Long millis) {
        return millis == null ? "-" : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault())
                .format(LOCAL);
    }

    /** ISO-8601 UTC, as JSON and CSV carry times; null for null. */
    static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    static Object finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** {@code finished}, or {@code failed (reason)}. */
    static String status(StoredRun run) {
        return run.reason() == null ? run.status() : run.status() + " (" + run.reason() + ")";
    }

    /** The JSON form of {@code runs --json} and of the head of {@code show --json}. */
    static Map<String, Object> toMap(StoredRun run) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        new TreeMap<>(run.metrics()).forEach((k, v) -> metrics.put(k, finiteOrNull(v)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", run.id());
        map.put("experiment", run.experiment());
        map.put("file", run.file());
        map.put("status", run.status());
        map.put("reason", run.reason());
        map.put("seed", run.seed());
        map.put("backend", run.backend());
        map.put("git_commit", run.gitCommit());
        map.put("overrides", run.overrides());
        map.put("started", iso(run.startedMillis()));
        map.put("ended", iso(run.endedMillis()));
        map.put("wall_seconds", run.wallSeconds());
        map.put("metrics", metrics);
        return map;
    }
}
