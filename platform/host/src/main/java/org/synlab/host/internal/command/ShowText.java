package org.synlab.host.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.synlab.host.internal.store.Artifact;
import org.synlab.host.internal.store.MetricSummary;
import org.synlab.host.internal.store.PluginUse;
import org.synlab.host.internal.store.StoredRun;

/**
 * One stored run in full, as {@code show} prints it: what ran (file, commit, seed, backend,
 * overrides), the plugins, the final metrics, a line per metric of the history, the artifacts and
 * the experiment as run.
 */
record ShowText(StoredRun run, List<PluginUse> plugins, List<MetricSummary> history, List<Artifact> artifacts) {

    String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(run.id()).append(' ').append(run.experiment()).append(": ").append(StoredRuns.status(run));
        if (run.wallSeconds() != null) {
            sb.append(String.format(Locale.ROOT, " after %.2f s", run.wallSeconds()));
        }
        sb.append('\n');
        TextTable head = new TextTable("", "");
        head.row("  file", run.file() == null ? "-" : run.file());
        head.row("  git commit", run.gitCommit() == null ? "- (not in a git repository)" : run.gitCommit());
        head.row("  seed", Long.toString(run.seed()));
        head.row("  backend", run.backend());
        head.row("  overrides", run.overrides().isEmpty() ? "-" : String.join(" ", run.overrides()));
        head.row("  started", StoredRuns.local(run.startedMillis()));
        head.row("  ended", StoredRuns.local(run.endedMillis()));
        sb.append(withoutHeader(head));

        sb.append("\nplugins\n");
        if (plugins.isEmpty()) {
            sb.append("  none recorded\n");
        } else {
            TextTable table = new TextTable("  KIND", "NAME", "BUNDLE", "VERSION");
            plugins.forEach(p -> table.row("  " + p.kind(), p.name(), orDash(p.bundle()), orDash(p.version())));
            sb.append(table);
        }

        sb.append("\nfinal metrics\n");
        if (run.metrics().isEmpty()) {
            sb.append("  none (the run did not end normally)\n");
        } else {
            TextTable table = new TextTable("", "");
            new TreeMap<>(run.metrics()).forEach((k, v) -> table.row("  " + k, MetricText.number(v)));
            sb.append(withoutHeader(table));
        }
        run.notes().forEach(note -> sb.append("  note: ").append(note).append('\n'));

        long points = history.stream().mapToLong(MetricSummary::points).sum();
        sb.append("\nhistory (").append(points).append(" points; 'synlab export ").append(run.id())
                .append("' writes them all)\n");
        if (history.isEmpty()) {
            sb.append("  none recorded\n");
        } else {
            TextTable table = new TextTable("  METRIC", "POINTS", "STEPS", "MIN", "MAX", "LAST");
            history.forEach(h -> table.row("  " + h.metric(), Long.toString(h.points()),
                    h.firstStep() + ".." + h.lastStep(), MetricText.number(h.min()), MetricText.number(h.max()),
                    MetricText.number(h.last())));
            sb.append(table);
        }

        sb.append("\nartifacts\n");
        if (artifacts.isEmpty()) {
            sb.append("  none\n");
        } else {
            artifacts.forEach(a -> sb.append("  ").append(a.kind()).append("  ").append(a.path()).append('\n'));
        }

        sb.append("\nexperiment as run\n");
        if (run.config() == null) {
            sb.append("  not recorded\n");
        } else {
            run.config().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return sb.toString();
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = StoredRuns.toMap(run);
        map.put("notes", run.notes());
        map.put("plugins", plugins.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind());
            m.put("name", p.name());
            m.put("bundle", p.bundle());
            m.put("version", p.version());
            return m;
        }).toList());
        map.put("history", history.stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", h.metric());
            m.put("points", h.points());
            m.put("first_step", h.firstStep());
            m.put("last_step", h.lastStep());
            m.put("min", StoredRuns.finiteOrNull(h.min()));
            m.put("max", StoredRuns.finiteOrNull(h.max()));
            m.put("last", StoredRuns.finiteOrNull(h.last()));
            return m;
        }).toList());
        map.put("artifacts", artifacts.stream().map(a -> Map.of("kind", a.kind(), "path", a.path())).toList());
        map.put("config", run.config());
        return map;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** A two-column table used as aligned "key  value" lines. */
    private static String withoutHeader(TextTable table) {
        String text = table.toString();
        return text.substring(text.indexOf('\n') + 1);
    }
}
