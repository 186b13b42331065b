package org.synlab.host.internal.command;

import java.util.Locale;
import org.synlab.host.internal.RunSummary;

/** A run's outcome in a few lines for humans. */
final class SummaryText {

    private SummaryText() {
    }

    static String format(RunSummary s) {
        StringBuilder sb = new StringBuilder();
        String wall = String.format(Locale.ROOT, "%.2f s", s.wallSeconds());
        sb.append(s.run()).append(' ').append(s.experiment()).append(": ").append(s.status());
        if (s.reason() != null) {
            sb.append(" (").append(s.reason()).append(')');
        }
        sb.append(" after ").append(wall).append("; seed ").append(s.seed()).append(", backend ").append(s.backend())
                .append('\n');
        int width = s.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
        s.metrics().forEach((name, value) -> sb.append("  ").append(name).append(" ".repeat(width - name.length() + 2))
                .append(MetricText.number(value)).append('\n'));
        s.notes().forEach(note -> sb.append("  note: ").append(note).append('\n'));
        return sb.toString();
    }
}
