package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the run store: plain SELECTs on a connection of their own, so reads never wait for the writer's batches. */
final class RunQueries {

    private static final String RUN_COLUMNS = "id, experiment, file, config, overrides, seed, backend, git_commit, "
            + "started_ms, ended_ms, status, reason, wall_seconds, notes";

    private RunQueries() {
    }

    /** Oldest first, as a history reads. */
    static List<StoredRun> list(Connection c, RunFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM runs WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (filter.experiment() != null) {
            sql.append(" AND experiment = ?");
            args.add(filter.experiment());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status());
        }
        sql.append(" ORDER BY started_ms, id");
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(run(rs, Map.of()));
                }
            }
        }
        Map<String, Map<String, Double>> metrics = allMetrics(c);
        return runs.stream().map(r -> withMetrics(r, metrics.getOrDefault(r.id(), Map.of()))).toList();
    }

    static Optional<StoredRun> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(run(rs, metrics(c, id))) : Optional.empty();
            }
        }
    }

    /** Ids of stored runs that start with {@code prefix}, at most {@code limit}. */
    static List<String> idsStartingWith(Connection c, String prefix, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM runs WHERE id LIKE ? ESCAPE '!' ORDER BY id")) {
            s.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    static List<PluginUse> plugins(Connection c, String id) throws SQLException {
        List<PluginUse> plugins = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT kind, name, bundle, bundle_version FROM run_plugins WHERE run_id = ? ORDER BY kind, name")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plugins.add(new PluginUse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return plugins;
    }

    static List<Artifact> artifacts(Connection c, String id) throws SQLException {
        List<Artifact> artifacts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT kind, path FROM artifacts WHERE run_id = ? ORDER BY kind, path")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    artifacts.add(new Artifact(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return artifacts;
    }

    /** Every point, by metric name then step. */
    static List<HistoryPoint> history(Connection c, String id) throws SQLException {
        List<HistoryPoint> points = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, steps, wall_ms, metric_values FROM metric_chunks "
                + "WHERE run_id = ? ORDER BY name, first_step, last_wall_ms")) {
            s.setString(1, id);
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.addAll(MetricChunk.decode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return points;
    }

    /** One line per metric, from the chunks' own counts and ranges, so a long history is not decoded. */
    static List<MetricSummary> historySummary(Connection c, String id) throws SQLException {
        List<MetricSummary> summaries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT h.name, SUM(h.points), MIN(h.first_step), MAX(h.last_step), MIN(h.min_value), MAX(h.max_value),
                  (SELECT l.last_value FROM metric_chunks l
                   WHERE l.run_id = h.run_id AND l.name = h.name ORDER BY l.last_step DESC, l.last_wall_ms DESC
                   FETCH FIRST 1 ROWS ONLY)
                FROM metric_chunks h WHERE h.run_id = ? GROUP BY h.run_id, h.name ORDER BY h.name""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    summaries.add(new MetricSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            number(rs, 5), number(rs, 6), number(rs, 7)));
                }
            }
        }
        return summaries;
    }

    private static Map<String, Double> metrics(Connection c, String id) throws SQLException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, metric_value FROM run_metrics WHERE run_id = ? ORDER BY name")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    metrics.put(rs.getString(1), number(rs, 2));
                }
            }
        }
        return metrics;
    }

    private static Map<String, Map<String, Double>> allMetrics(Connection c) throws SQLException {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT run_id, name, metric_value FROM run_metrics ORDER BY run_id, name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                metrics.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), number(rs, 3));
            }
        }
        return metrics;
    }

    private static StoredRun withMetrics(StoredRun r, Map<String, Double> metrics) {
        return new StoredRun(r.id(), r.experiment(), r.file(), r.config(), r.overrides(), r.seed(), r.backend(),
                r.gitCommit(), r.startedMillis(), r.endedMillis(), r.status(), r.reason(), r.wallSeconds(), r.notes(),
                metrics);
    }

    private static StoredRun run(ResultSet rs, Map<String, Double> metrics) throws SQLException {
        long ended = rs.getLong(10);
        Long endedMillis = rs.wasNull() ? null : ended;
        double wall = rs.getDouble(13);
        Double wallSeconds = rs.wasNull() ? null : wall;
        return new StoredRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), lines(rs.getString(5)),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getLong(9), endedMillis, rs.getString(11),
                rs.getString(12), wallSeconds, lines(rs.getString(14)), metrics);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
