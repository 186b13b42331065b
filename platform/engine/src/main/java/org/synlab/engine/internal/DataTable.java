package org.synlab.engine.internal;

import org.synlab.api.Compute;
import org.synlab.api.Dataset;
import org.synlab.api.Tensor;

/**
 * One split held in host memory as two row-major float arrays, from which batches are gathered and
 * uploaded to the backend; when the inputs are 8-bit codes scaled by one divisor (as image pixels are),
 * shuffled batches are gathered from a byte copy of them ({@link ByteCodes}), which holds the same values
 * in a quarter of the bytes.
 */
final class DataTable {

    final String name;
    final int rows;
    final int features;
    final int outputs;
    final float[] x;
    final float[] y;
    /** The inputs as 8-bit codes, or null when they are not all codes' quotients. */
    final ByteCodes codes;

    private DataTable(String name, int rows, int features, int outputs, float[] x, float[] y, ByteCodes codes) {
        this.name = name;
        this.rows = rows;
        this.features = features;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
        this.codes = codes;
    }

    /** A split read in order, as evaluation reads it: consecutive rows, from the floats. */
    static DataTable load(String name, Dataset.Split split, int features, int outputs) {
        return load(name, split, features, outputs, false);
    }

    /** A split that shuffled batches will be gathered from: its inputs are also kept as codes when they are codes. */
    static DataTable loadForShuffling(String name, Dataset.Split split, int features, int outputs) {
        return load(name, split, features, outputs, true);
    }

    private static DataTable load(String name, Dataset.Split split, int features, int outputs, boolean shuffled) {
        int rows = split.size();
        float[] x = new float[Math.multiplyExact(rows, features)];
        float[] y = new float[Math.multiplyExact(rows, outputs)];
        for (int i = 0; i < rows; i++) {
            split.read(i, x, i * features, y, i * outputs);
        }
        return new DataTable(name, rows, features, outputs, x, y, shuffled ? ByteCodes.of(x) : null);
    }

    /** A new table of the given rows of this one, in the given order. */
    DataTable subset(String subsetName, int[] rowsToKeep) {
        float[] xs = new float[Math.multiplyExact(rowsToKeep.length, features)];
        float[] ys = new float[Math.multiplyExact(rowsToKeep.length, outputs)];
        for (int i = 0; i < rowsToKeep.length; i++) {
            System.arraycopy(x, rowsToKeep[i] * features, xs, i * features, features);
            System.arraycopy(y, rowsToKeep[i] * outputs, ys, i * outputs, outputs);
        }
        return new DataTable(subsetName, rowsToKeep.length, features, outputs, xs, ys,
                codes == null ? null : codes.subset(rowsToKeep, features));
    }

    /**
     * Uploads the consecutive rows {@code from..from+count)}, as evaluation reads them, into
     * {@code xTensor}/{@code yTensor} (which have {@code count} rows); the targets are also copied into
     * {@code yStage}, where the host reads them.
     */
    void gatherRange(int from, int count, float[] yStage, Compute compute, Tensor xTensor, Tensor yTensor) {
        compute.upload(x, from * features, xTensor);
        System.arraycopy(y, from * outputs, yStage, 0, count * outputs);
        compute.upload(yStage, 0, yTensor);
    }

    /**
     * Uploads rows {@code order[from..from+count)} into {@code xTensor}/{@code yTensor} (which have
     * {@code count} rows), the inputs straight from the table ({@link Compute#uploadRows}, or
     * {@link Compute#uploadByteRows} from the codes); the targets are also copied into {@code yStage},
     * where the host reads them.
     */
    void gather(int[] order, int from, int count, float[] yStage, Compute compute, Tensor xTensor, Tensor yTensor) {
        if (codes != null) {
            compute.uploadByteRows(codes.codes(), codes.divisor(), features, order, from, xTensor);
        } else {
            compute.uploadRows(x, features, order, from, xTensor);
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(y, order[from + i] * outputs, yStage, i * outputs, outputs);
        }
        compute.upload(yStage, 0, yTensor);
    }
}
