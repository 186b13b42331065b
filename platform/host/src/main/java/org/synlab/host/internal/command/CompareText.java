package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.synlab.host.internal.store.ExperimentText;
import org.synlab.host.internal.store.StoredRun;

/**
 * Runs side by side, one column per run: what they were (experiment, status, seed, backend, wall
 * time), the configuration keys whose values differ (the experiments as run, flattened to dotted
 * keys, so a changed {@code training.epochs} reads as one line rather than as a text diff), and
 * every final metric.
 */
final class CompareText {

    /** In a config row: the run's experiment has no such key. */
    static final String ABSENT = "(absent)";

    private CompareText() {
    }

    static String format(List<StoredRun> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(table("", "", runs, List.of(
                row("experiment", runs, StoredRun::experiment),
                row("status", runs, StoredRun::status),
                row("seed", runs, r -> Long.toString(r.seed())),
                row("backend", runs, StoredRun::backend),
                row("started", runs, r -> StoredRuns.local(r.startedMillis())),
                row("wall seconds", runs, r -> r.wallSeconds() == null ? "-"
                        : String.format(Locale.ROOT, "%.2f", r.wallSeconds())),
                row("git commit", runs, r -> r.gitCommit() == null ? "-" : r.gitCommit().substring(0, 12)))));

        List<Map<String, String>> configs = runs.stream().map(r -> ExperimentText.flatten(r.config())).toList();
        List<List<String>> differing = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        configs.forEach(c -> keys.addAll(c.keySet()));
        for (String key : keys) {
            List<String> values = configs.stream().map(c -> c.getOrDefault(key, ABSENT)).toList();
            if (values.stream().distinct().count() > 1) {
                List<String> cells = new ArrayList<>();
                cells.add(key);
                cells.addAll(values);
                differing.add(cells);
            }
        }
        sb.append('\n');
        if (runs.stream().anyMatch(r -> r.config() == null)) {
            sb.append("config: not recorded for every run\n");
        } else if (differing.isEmpty()) {
            sb.append("config: the experiments as run are identical\n");
        } else {
            sb.append(table("config (keys that differ)", "KEY", runs, differing));
        }

        TreeSet<String> metrics = new TreeSet<>();
        runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
        sb.append('\n');
        if (metrics.isEmpty()) {
            sb.append("final metrics: none recorded\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (String metric : metrics) {
                rows.add(row(metric, runs, r -> r.metrics().containsKey(metric)
                        ? MetricText.number(r.metrics().get(metric)) : "-"));
            }
            sb.append(table("final metrics", "METRIC", runs, rows));
        }
        return sb.toString();
    }

    private static List<String> row(String label, List<StoredRun> runs, Function<StoredRun, String> cell) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        runs.forEach(r -> cells.add(Objects.toString(cell.apply(r), "-")));
        return cells;
    }

    /** A title line (none when empty), then a table headed by {@code firstColumn} and the run ids. */
    private static String table(String title, String firstColumn, List<StoredRun> runs, List<List<String>> rows) {
        List<String> header = new ArrayList<>();
        header.add(firstColumn);
        runs.forEach(r -> header.add(r.id()));
        TextTable table = new TextTable(header.toArray(String[]::new));
        rows.forEach(r -> table.row(r.toArray(String[]::new)));
        return (title.isEmpty() ? "" : title + "\n") + table;
    }
}
