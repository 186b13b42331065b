package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

class ReductionTest {

    private final Compute compute = TestData.open(2);

    @AfterEach
    void close() {
        compute.close();
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({"1, 1", "3, 7", "37, 53", "5000, 10", "10, 5000", "257, 300"})
    void sumRowsAndColumnsMatchReference(int rows, int cols) {
        float[] x = TestData.randomFloats(rows * cols, rows * 131L + cols);
        Tensor m = compute.upload(x, rows, cols);
        Tensor rowSums = compute.zeros(rows);
        Tensor colSums = compute.zeros(1, cols);

        compute.sumRows(m, rowSums);
        compute.sumColumns(m, colSums);

        float[] expectedRows = new float[rows];
        float[] expectedCols = new float[cols];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += x[i * cols + j];
            }
            expectedRows[i] = (float) s;
        }
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += x[i * cols + j];
            }
            expectedCols[j] = (float) s;
        }
        // double accumulation differs from the reference only in summation order: far below float resolution
        assertArrayEquals(expectedRows, compute.download(rowSums), 1e-6f);
        assertArrayEquals(expectedCols, compute.download(colSums), 1e-6f);
    }

    @Test
    void sumAccumulatesInDouble() {
        int n = 1_000_003;
        float[] x = TestData.randomFloats(n, 11);
        x[0] = 1e8f;
        x[1] = -1e8f;
        double expected = 0;
        for (float v : x) {
            expected += v;
        }

        double actual = compute.sum(compute.upload(x, n));

        assertEquals(expected, actual, 1e-9 * n);
    }

    @Test
    void sumOfEmptyTensorIsZero() {
        assertEquals(0.0, compute.sum(compute.zeros(0)));
    }

    @Test
    void wrongOutputSizeIsRejectedNamingShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> compute.sumRows(compute.zeros(3, 4), compute.zeros(4)));
        assertTrue(e.getMessage().contains("[3, 4]") && e.getMessage().contains("[4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> compute.sumColumns(compute.zeros(3, 4), compute.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> compute.sumColumns(compute.zeros(4), compute.zeros(4)));
    }

    @Test
    void softmaxRowsSumToOneAndMatchReference() {
        int rows = 123;
        int cols = 45;
        float[] x = TestData.randomFloats(rows * cols, 17);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 8;
        }
        Tensor out = compute.zeros(rows, cols);

        compute.softmaxRows(compute.upload(x, rows, cols), out);

        float[] y = compute.download(out);
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[r * cols + j]);
            }
            double z = 0;
            for (int j = 0; j < cols; j++) {
                z += Math.exp(x[r * cols + j] - max);
            }
            double total = 0;
            for (int j = 0; j < cols; j++) {
                double expected = Math.exp(x[r * cols + j] - max) / z;
                assertEquals(expected, y[r * cols + j], 1e-6 * Math.max(expected, 1e-3), "row " + r + " col " + j);
                total += y[r * cols + j];
            }
            assertEquals(1.0, total, 1e-5);
        }
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        Tensor t = compute.upload(new float[] {1000f, 1001f, 1002f, -3000f, -3001f, -3002f}, 2, 3);

        compute.softmaxRows(t, t); // in place

        double e0 = 1 / (1 + Math.exp(1) + Math.exp(2));
        float[] expected = {(float) (e0), (float) (e0 * Math.exp(1)), (float) (e0 * Math.exp(2)),
            (float) (e0 * Math.exp(2)), (float) (e0 * Math.exp(1)), (float) e0};
        assertArrayEquals(expected, compute.download(t), 1e-6f);
    }

    @Test
    void softmaxGivesZeroToNegativeInfinityAndHandlesInfiniteRows() {
        float inf = Float.POSITIVE_INFINITY;
        Tensor t = compute.upload(new float[] {0f, -inf, 0f, -inf, -inf, -inf, inf, 5f, inf}, 3, 3);

        compute.softmaxRows(t, t);

        assertArrayEquals(new float[] {0.5f, 0f, 0.5f, 1 / 3f, 1 / 3f, 1 / 3f, 0.5f, 0f, 0.5f}, compute.download(t));
    }

    @Test
    void softmaxShapeMismatchIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> compute.softmaxRows(compute.zeros(2, 3), compute.zeros(3, 2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }
}
