package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

class BroadcastTest {

    private static final float[] M = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private final Compute compute = TestData.open(2);
    private final Kernel add = compute.kernel(Expr.parse("m + v"), "m", "v");

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void rowVectorRepeatsForEveryRow() {
        float[] expected = {11, 22, 33, 44, 15, 26, 37, 48, 19, 30, 41, 52};
        assertArrayEquals(expected, addTo(compute.upload(new float[] {10, 20, 30, 40}, 4)));
        assertArrayEquals(expected, addTo(compute.upload(new float[] {10, 20, 30, 40}, 1, 4)));
    }

    @Test
    void columnVectorRepeatsForEveryColumn() {
        float[] expected = {101, 102, 103, 104, 205, 206, 207, 208, 309, 310, 311, 312};
        assertArrayEquals(expected, addTo(compute.upload(new float[] {100, 200, 300}, 3, 1)));
    }

    @Test
    void scalarRepeatsEverywhere() {
        float[] expected = {1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f, 8.5f, 9.5f, 10.5f, 11.5f, 12.5f};
        assertArrayEquals(expected, addTo(compute.upload(new float[] {0.5f}, 1)));
        assertArrayEquals(expected, addTo(compute.upload(new float[] {0.5f}, 1, 1)));
    }

    @Test
    void outputMayAlsoBeAnInput() {
        Tensor w = compute.upload(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor g = compute.upload(new float[] {10, 20, 30, 40, 50, 60}, 2, 3);
        Tensor lr = compute.upload(new float[] {0.1f}, 1);

        compute.apply(compute.kernel(Expr.parse("w - lr * g"), "w", "lr", "g"), w, w, lr, g);

        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = (i + 1) - 0.1f * (10 * (i + 1));
        }
        assertArrayEquals(expected, compute.download(w));
    }

    @Test
    void largeBroadcastSpansManyTasks() {
        int rows = 301;
        int cols = 257;
        float[] m = TestData.randomFloats(rows * cols, 5);
        float[] row = TestData.randomFloats(cols, 6);
        float[] col = TestData.randomFloats(rows, 7);
        Tensor out = compute.zeros(rows, cols);

        compute.apply(compute.kernel(Expr.parse("m * r + c"), "m", "r", "c"), out,
                compute.upload(m, rows, cols), compute.upload(row, cols), compute.upload(col, rows, 1));

        float[] expected = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i * cols + j] = m[i * cols + j] * row[j] + col[i];
            }
        }
        assertArrayEquals(expected, compute.download(out));
    }

    @Test
    void mismatchedShapeIsRejectedNamingBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> addTo(compute.zeros(4, 3)));
        assertTrue(e.getMessage().contains("[4, 3]") && e.getMessage().contains("[3, 4]")
                && e.getMessage().contains("'v'"), e.getMessage());
    }

    @Test
    void vectorOfRowCountIsNotAColumn() {
        assertThrows(IllegalArgumentException.class, () -> addTo(compute.zeros(3)));
    }

    private float[] addTo(Tensor v) {
        Tensor out = compute.zeros(3, 4);
        compute.apply(add, out, compute.upload(M, 3, 4), v);
        return compute.download(out);
    }
}
