package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synlab.api.Dataset.Task;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.ClassificationReport.Row;

/** The classification report on confusion matrices small enough to check by hand. */
class ReportMathTest {

    private static final double EPS = 1e-12;

    /**
     * sklearn: y_true = [0,0,1,1,1,2,2,2,2,2], y_pred = [0,1,1,1,2,2,2,2,0,0]:
     * confusion [[1,1,0],[0,2,1],[2,0,3]].
     */
    @Test
    void multiclassFromAConfusionMatrix() {
        ClassificationReport r = ReportMath.fromConfusion("test", List.of("a", "b", "c"),
                new long[][] {{1, 1, 0}, {0, 2, 1}, {2, 0, 3}});
        // a: tp 1, fp 2, fn 1 -> p 1/3, r 1/2, f1 2/5; b: tp 2, fp 1, fn 1 -> 2/3, 2/3, 2/3; c: tp 3, fp 1, fn 2 -> 3/4, 3/5, 2/3
        assertRow(r.perClass().get(0), "a", 1.0 / 3, 0.5, 0.4, 2);
        assertRow(r.perClass().get(1), "b", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
        assertRow(r.perClass().get(2), "c", 0.75, 0.6, 2.0 / 3, 5);
        assertEquals(0.6, r.accuracy(), EPS);
        assertRow(r.macroAvg(), "macro avg", (1.0 / 3 + 2.0 / 3 + 0.75) / 3, (0.5 + 2.0 / 3 + 0.6) / 3,
                (0.4 + 2.0 / 3 + 2.0 / 3) / 3, 10);
        assertRow(r.weightedAvg(), "weighted avg", (2.0 / 3 + 2 + 3.75) / 10, (1 + 2 + 3) / 10.0,
                (0.8 + 2 + 10.0 / 3) / 10, 10);
        assertEquals(List.of(List.of(1L, 1L, 0L), List.of(0L, 2L, 1L), List.of(2L, 0L, 3L)), r.confusionMatrix());
        assertEquals("test", r.split());
    }

    @Test
    void aClassNeverPredictedScoresZeroNotNaN() {
        ClassificationReport r = ReportMath.fromConfusion("test", List.of("0", "1"), new long[][] {{3, 0}, {1, 0}});
        assertRow(r.perClass().get(1), "1", 0, 0, 0, 1);
        assertRow(r.perClass().get(0), "0", 0.75, 1, 6.0 / 7, 3);
    }

    @Test
    void binaryWithOneOutputHasClassesZeroAndOne() {
        ConfusionTally tally = new ConfusionTally(Task.BINARY, 1, List.of("class"));
        tally.add(new float[] {0.9f, 0.2f, 0.7f, 0.4f, 0.6f}, new float[] {1, 0, 0, 1, 1}, 5);
        ClassificationReport r = tally.report("test");
        assertEquals(List.of("0", "1"), r.classes());
        assertEquals(List.of(List.of(1L, 1L), List.of(1L, 2L)), r.confusionMatrix());
        assertEquals(0.6, r.accuracy(), EPS);
    }

    @Test
    void multiclassTallyUsesTheArgMax() {
        ConfusionTally tally = new ConfusionTally(Task.MULTICLASS, 3, List.of("a", "b", "c"));
        tally.add(new float[] {0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f}, new float[] {1, 0, 0, 0, 1, 0}, 2);
        assertEquals(List.of(List.of(1L, 0L, 0L), List.of(0L, 0L, 1L), List.of(0L, 0L, 0L)),
                tally.report("test").confusionMatrix());
    }

    @Test
    void multiLabelScoresEachLabelOnItsPositiveClass() {
        ConfusionTally tally = new ConfusionTally(Task.BINARY, 2, List.of("x", "y"));
        // x: predicted 1,1,0 for true 1,0,1 -> tp 1, fp 1, fn 1; y: predicted 0,0,1 for true 0,0,1 -> tp 1
        tally.add(new float[] {0.9f, 0.1f, 0.8f, 0.2f, 0.3f, 0.7f}, new float[] {1, 0, 0, 0, 1, 1}, 3);
        ClassificationReport r = tally.report("test");
        assertRow(r.perClass().get(0), "x", 0.5, 0.5, 0.5, 2);
        assertRow(r.perClass().get(1), "y", 1, 1, 1, 1);
        assertEquals(4.0 / 6, r.accuracy(), EPS);
        assertEquals(List.of(), r.confusionMatrix());
    }

    private static void assertRow(Row row, String label, double precision, double recall, double f1, long support) {
        assertEquals(label, row.label());
        assertEquals(precision, row.precision(), EPS, label + " precision");
        assertEquals(recall, row.recall(), EPS, label + " recall");
        assertEquals(f1, row.f1(), EPS, label + " f1");
        assertEquals(support, row.support(), label + " support");
    }
}
