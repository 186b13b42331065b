package org.synlab.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.ClassificationReport.Row;

/**
 * The arithmetic of a {@link ClassificationReport}, from counts, following scikit-learn's
 * {@code classification_report} with {@code zero_division=0}.
 */
final class ReportMath {

    private ReportMath() {
    }

    /** A single-label report from a confusion matrix (rows = true class, columns = predicted). */
    static ClassificationReport fromConfusion(String split, List<String> classes, long[][] confusion) {
        int n = classes.size();
        long[] tp = new long[n];
        long[] fp = new long[n];
        long[] fn = new long[n];
        long correct = 0;
        long total = 0;
        List<List<Long>> matrix = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<Long> row = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                long count = confusion[t][p];
                row.add(count);
                total += count;
                if (t == p) {
                    tp[t] += count;
                    correct += count;
                } else {
                    fn[t] += count;
                    fp[p] += count;
                }
            }
            matrix.add(row);
        }
        return build(split, classes, tp, fp, fn, ratio(correct, total), matrix);
    }

    /**
     * A multi-label report: each label scored on its positive class.
     *
     * @param accuracy the fraction of correct labels over every sample and label
     */
    static ClassificationReport fromLabels(String split, List<String> labels, long[] tp, long[] fp, long[] fn,
                                           double accuracy) {
        return build(split, labels, tp, fp, fn, accuracy, List.of());
    }

    private static ClassificationReport build(String split, List<String> classes, long[] tp, long[] fp, long[] fn,
                                              double accuracy, List<List<Long>> matrix) {
        List<Row> rows = new ArrayList<>();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        double weightedP = 0;
        double weightedR = 0;
        double weightedF = 0;
        long support = 0;
        for (int c = 0; c < classes.size(); c++) {
            double precision = ratio(tp[c], tp[c] + fp[c]);
            double recall = ratio(tp[c], tp[c] + fn[c]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            long classSupport = tp[c] + fn[c];
            rows.add(new Row(classes.get(c), precision, recall, f1, classSupport));
            sumP += precision;
            sumR += recall;
            sumF += f1;
            weightedP += precision * classSupport;
            weightedR += recall * classSupport;
            weightedF += f1 * classSupport;
            support += classSupport;
        }
        int n = classes.size();
        Row macro = new Row("macro avg", sumP / n, sumR / n, sumF / n, support);
        Row weighted = new Row("weighted avg", ratio(weightedP, support), ratio(weightedR, support),
                ratio(weightedF, support), support);
        return new ClassificationReport(split, classes, rows, macro, weighted, accuracy, matrix);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
