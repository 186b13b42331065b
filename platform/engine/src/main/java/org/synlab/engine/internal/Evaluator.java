package org.synlab.engine.internal;

import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Dataset;
import org.synlab.api.Tensor;

/**
 * Measures the network on a whole split without changing it: {@code <split>.loss}, {@code
 * <split>.accuracy} (per output too, for multi-label data) and, when asked, the counts of a
 * classification report. Used after every epoch on the validation split and at the end on the others.
 */
final class Evaluator {

    private static final int EVALUATION_BATCH = 1024;

    private final Compute compute;
    private final Network network;
    private final LossTerm loss;
    private final Dataset.Data data;
    private final BatchTensors batches;
    private final Accuracy accuracy;
    /** The batch size the staging arrays are sized for. */
    private int staged;
    private float[] yStage = new float[0];
    private float[] predicted = new float[0];

    Evaluator(Compute compute, Network network, LossTerm loss, Dataset.Data data, BatchTensors batches) {
        this.compute = compute;
        this.network = network;
        this.loss = loss;
        this.data = data;
        this.batches = batches;
        this.accuracy = new Accuracy(data.task(), data.outputs());
    }

    /**
     * Puts the split's metrics, named after {@code table.name}, into {@code metrics}.
     *
     * @param tally counts predictions for a classification report, or null
     */
    void evaluate(DataTable table, Map<String, Double> metrics, ConfusionTally tally) {
        int batchSize = Math.min(EVALUATION_BATCH, table.rows);
        if (staged < batchSize) {
            staged = batchSize;
            yStage = new float[batchSize * data.outputs()];
            predicted = new float[batchSize * data.outputs()];
        }
        accuracy.reset();
        double lossSum = 0;
        for (int from = 0; from < table.rows; from += batchSize) {
            int rows = Math.min(batchSize, table.rows - from);
            BatchTensors.Batch batch = batches.of(rows);
            table.gatherRange(from, rows, yStage, compute, batch.x, batch.y);
            Tensor out = network.forward(batch.x, false, 0);
            if (loss != null) {
                lossSum += loss.value(out, batch.y, batch.lossScratch) * rows;
            }
            if (accuracy.applicable()) {
                compute.download(out, predicted, 0);
                accuracy.add(predicted, yStage, rows);
                if (tally != null) {
                    tally.add(predicted, yStage, rows);
                }
            }
        }
        if (loss != null) {
            metrics.put(table.name + ".loss", lossSum / table.rows);
        }
        putAccuracy(table.name, accuracy, data, metrics);
    }

    /** {@code <split>.accuracy}, and per output for multi-label binary data. */
    static void putAccuracy(String split, Accuracy accuracy, Dataset.Data data, Map<String, Double> metrics) {
        if (!accuracy.applicable()) {
            return;
        }
        metrics.put(split + ".accuracy", accuracy.value());
        if (data.task() == Dataset.Task.BINARY && data.outputs() > 1) {
            for (int o = 0; o < data.outputs(); o++) {
                metrics.put(split + ".accuracy." + data.outputNames().get(o), accuracy.valueOf(o));
            }
        }
    }
}
