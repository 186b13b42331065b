package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

class TensorLifecycleTest {

    private final Compute compute = TestData.open(2);

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void uploadDownloadRoundTripsAndCopiesTheData() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = compute.upload(data, 2, 3);
        data[0] = 99;

        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(6, t.size());
        assertEquals(2, t.rows());
        assertEquals(3, t.cols());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, compute.download(t));
    }

    @Test
    void uploadAndDownloadAtOffsets() {
        Tensor t = compute.zeros(3);
        compute.upload(new float[] {9, 1, 2, 3, 9}, 1, t);
        float[] out = new float[5];
        compute.download(t, out, 2);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3}, out);
    }

    @Test
    void uploadRowsGathersTheChosenRowsInOrder() {
        float[] table = {0, 1, 10, 11, 20, 21, 30, 31};
        Tensor batch = compute.zeros(3, 2);
        compute.uploadRows(table, 2, new int[] {9, 3, 0, 2}, 1, batch);
        assertArrayEquals(new float[] {30, 31, 0, 1, 20, 21}, compute.download(batch));
    }

    @Test
    void uploadRowsChecksRowNumbersAndShapes() {
        float[] table = new float[8];
        Tensor batch = compute.zeros(2, 2);
        var outside = assertThrows(IllegalArgumentException.class,
                () -> compute.uploadRows(table, 2, new int[] {0, 4}, 0, batch));
        assertTrue(outside.getMessage().contains("row 4 is outside the table's 4 rows"), outside.getMessage());
        var short_ = assertThrows(IllegalArgumentException.class,
                () -> compute.uploadRows(table, 2, new int[] {0, 1}, 1, batch));
        assertTrue(short_.getMessage().contains("2 row numbers needed from position 1"), short_.getMessage());
        var tiling = assertThrows(IllegalArgumentException.class,
                () -> compute.uploadRows(table, 3, new int[] {0, 1}, 0, batch));
        assertTrue(tiling.getMessage().contains("rows of 3 floats do not tile [2, 2]"), tiling.getMessage());
    }

    @Test
    void uploadByteRowsDecodesEveryCodeAsFloatDivisionDoes() {
        // rows of 300 codes: whole vectors and a scalar tail; all 256 codes appear, for two divisors
        int length = 300;
        byte[] codes = new byte[4 * length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i * 7);
        }
        int[] order = {3, 1, 2, 0};
        for (float divisor : new float[] {255f, 3.7f}) {
            Tensor batch = compute.zeros(3, length);
            compute.uploadByteRows(codes, divisor, length, order, 1, batch);
            float[] got = compute.download(batch);
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < length; i++) {
                    float expected = (codes[order[1 + r] * length + i] & 0xFF) / divisor;
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got[r * length + i]),
                            "row " + r + " element " + i + " divisor " + divisor);
                }
            }
        }
    }

    @Test
    void uploadByteRowsChecksRowNumbersAndShapes() {
        byte[] codes = new byte[8];
        Tensor batch = compute.zeros(2, 2);
        var outside = assertThrows(IllegalArgumentException.class,
                () -> compute.uploadByteRows(codes, 255f, 2, new int[] {0, 4}, 0, batch));
        assertTrue(outside.getMessage().contains("uploadByteRows: row 4 is outside the table's 4 rows"),
                outside.getMessage());
        var tiling = assertThrows(IllegalArgumentException.class,
                () -> compute.uploadByteRows(codes, 255f, 3, new int[] {0, 1}, 0, batch));
        assertTrue(tiling.getMessage().contains("rows of 3 codes do not tile [2, 2]"), tiling.getMessage());
    }

    @Test
    void lengthsAreChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> compute.upload(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> compute.upload(new float[4], 2, compute.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> compute.download(compute.zeros(3), new float[3], 1));
        assertThrows(IllegalArgumentException.class, () -> compute.download(compute.zeros(3), new float[3], -1));
        assertThrows(IllegalArgumentException.class, () -> compute.zeros(2, -1));
        assertThrows(IllegalArgumentException.class, () -> compute.zeros(1 << 16, 1 << 16));
    }

    @Test
    void fillAndCopy() {
        Tensor a = compute.zeros(2, 2);
        Tensor b = compute.zeros(4);
        compute.fill(a, 2.5f);
        compute.copy(a, b);
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, compute.download(b));
        var e = assertThrows(IllegalArgumentException.class, () -> compute.copy(a, compute.zeros(3)));
        assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void tensorOfAnotherComputeIsRejected() {
        try (Compute other = TestData.open(1)) {
            Tensor foreign = other.zeros(3);
            var e = assertThrows(IllegalArgumentException.class, () -> compute.fill(foreign, 1f));
            assertTrue(e.getMessage().contains("not made by this cpu Compute"), e.getMessage());
        }
    }

    @Test
    void tensorOfAnotherBackendIsRejected() {
        Tensor alien = new Tensor() {
            @Override
            public int[] shape() {
                return new int[] {1};
            }

            @Override
            public long size() {
                return 1;
            }

            @Override
            public void close() {
            }
        };
        assertThrows(IllegalArgumentException.class, () -> compute.download(alien));
    }

    @Test
    void closedTensorIsRejectedAndClosingTwiceIsHarmless() {
        Tensor t = compute.zeros(2, 2);
        t.close();
        t.close();
        var e = assertThrows(IllegalArgumentException.class, () -> compute.sum(t));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void closingTheComputeFreesEveryTensor() {
        Compute own = TestData.open(2);
        Tensor t = own.zeros(4);
        own.close();
        assertThrows(IllegalStateException.class, () -> own.download(t));
        assertThrows(IllegalStateException.class, () -> own.zeros(1));
        t.close();
        own.close();
    }

    @Test
    void backendDescribesItself() {
        CpuBackend backend = new CpuBackend();
        assertEquals("cpu", backend.name());
        assertTrue(backend.availability().available());
        assertTrue(backend.availability().reason().contains("cores"), backend.availability().reason());
        assertEquals("cpu", compute.backend());
        assertEquals(2, compute.threads());
    }
}
