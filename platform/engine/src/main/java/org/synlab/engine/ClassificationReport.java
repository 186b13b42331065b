package org.synlab.engine;

import java.util.List;

/**
 * How well a classifier did on one split, as scikit-learn's {@code classification_report} and
 * {@code confusion_matrix} put it. Divisions by zero (a class never predicted, or absent) count as
 * 0, as scikit-learn's default does.
 *
 * <p>Single-label data (one-hot MULTICLASS, or BINARY with one output whose classes are {@code 0} and
 * {@code 1}) has one row per class and a square confusion matrix. Multi-label BINARY data has one
 * row per output label, scored on its positive class, and no single confusion matrix (the list is
 * empty); its accuracy is then the fraction of correct labels, as {@code <split>.accuracy}.
 *
 * @param split           the split it was computed on (the test split when there is one)
 * @param classes         class or label names, in output order
 * @param perClass        one row per class, in the order of {@code classes}
 * @param macroAvg        unweighted mean of the per-class figures; support is the total
 * @param weightedAvg     mean weighted by support; support is the total
 * @param accuracy        fraction of correct predictions
 * @param confusionMatrix counts, rows = true class, columns = predicted class
 */
public record ClassificationReport(String split, List<String> classes, List<Row> perClass, Row macroAvg,
                                   Row weightedAvg, double accuracy, List<List<Long>> confusionMatrix) {

    public ClassificationReport {
        classes = List.copyOf(classes);
        perClass = List.copyOf(perClass);
        confusionMatrix = confusionMatrix.stream().map(List::copyOf).toList();
    }

    /**
     * One line of the report.
     *
     * @param label     the class name, or {@code macro avg} / {@code weighted avg}
     * @param precision of the predictions of this class, the fraction that were right
     * @param recall    of the samples of this class, the fraction found
     * @param f1        the harmonic mean of precision and recall
     * @param support   samples of this class
     */
    public record Row(String label, double precision, double recall, double f1, long support) {
    }
}
