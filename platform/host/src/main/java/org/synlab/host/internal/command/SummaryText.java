package org.synlab.host.internal.command;

import java.util.List;
import java.util.Locale;
import org.synlab.engine.ClassificationReport;
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
        if (s.report() != null) {
            sb.append('\n').append(classificationReport(s.report()));
        }
        return sb.toString();
    }

    /**
     * The report as scikit-learn's {@code classification_report} prints it (two decimals), then
     * the confusion matrix, rows = true class, columns = predicted.
     */
    static String classificationReport(ClassificationReport r) {
        int width = Math.max("weighted avg".length(), r.classes().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder sb = new StringBuilder("classification report (" + r.split() + ")\n");
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9s %9s%n%n", "", "precision", "recall",
                "f1-score", "support"));
        r.perClass().forEach(row -> appendRow(sb, width, row));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9.2f %9d%n", "accuracy", "", "",
                r.accuracy(), r.macroAvg().support()));
        appendRow(sb, width, r.macroAvg());
        appendRow(sb, width, r.weightedAvg());
        if (!r.confusionMatrix().isEmpty()) {
            int cell = Math.max(r.classes().stream().mapToInt(String::length).max().orElse(1),
                    r.confusionMatrix().stream().flatMap(List::stream).mapToInt(v -> Long.toString(v).length()).max()
                            .orElse(1));
            sb.append("\nconfusion matrix (rows: true, columns: predicted)\n");
            sb.append(" ".repeat(width + 1));
            r.classes().forEach(c -> sb.append(String.format(Locale.ROOT, " %" + cell + "s", c)));
            sb.append('\n');
            for (int t = 0; t < r.classes().size(); t++) {
                sb.append(String.format(Locale.ROOT, "%" + width + "s ", r.classes().get(t)));
                r.confusionMatrix().get(t).forEach(v -> sb.append(String.format(Locale.ROOT, " %" + cell + "d", v)));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, int width, ClassificationReport.Row row) {
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9.2f %9.2f %9.2f %9d%n", row.label(), row.precision(),
                row.recall(), row.f1(), row.support()));
    }
}
