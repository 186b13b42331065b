package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synlab.host.internal.store.HistoryPoint;

/**
 * A run's metric history as CSV (one row per point: {@code run,metric,step,wall_time,value}; what
 * pandas and spreadsheets read) or as one JSON line (per metric, columns {@code step},
 * {@code wall_time}, {@code value}, which plot directly). Times are ISO-8601 UTC; a value that was
 * not a finite number is {@code NaN} in CSV and null in JSON.
 */
enum HistoryExport {
    CSV, JSON;

    /** @throws UsageException naming the formats there are */
    static HistoryExport of(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new UsageException("unknown format '" + name + "'; expected csv or json");
        };
    }

    String write(String runId, String experiment, List<HistoryPoint> points) {
        return this == CSV ? csv(runId, points) : json(runId, experiment, points);
    }

    private static String csv(String runId, List<HistoryPoint> points) {
        StringBuilder sb = new StringBuilder("run,metric,step,wall_time,value\n");
        for (HistoryPoint p : points) {
            sb.append(csvCell(runId)).append(',').append(csvCell(p.metric())).append(',').append(p.step()).append(',')
                    .append(StoredRuns.iso(p.wallMillis())).append(',').append(Double.toString(p.value()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String json(String runId, String experiment, List<HistoryPoint> points) {
        Map<String, Map<String, List<Object>>> metrics = new LinkedHashMap<>();
        for (HistoryPoint p : points) {
            Map<String, List<Object>> columns = metrics.computeIfAbsent(p.metric(), k -> {
                Map<String, List<Object>> c = new LinkedHashMap<>();
                c.put("step", new ArrayList<>());
                c.put("wall_time", new ArrayList<>());
                c.put("value", new ArrayList<>());
                return c;
            });
            columns.get("step").add(p.step());
            columns.get("wall_time").add(StoredRuns.iso(p.wallMillis()));
            columns.get("value").add(StoredRuns.finiteOrNull(p.value()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", runId);
        map.put("experiment", experiment);
        map.put("metrics", metrics);
        return Json.line(map) + "\n";
    }
}
