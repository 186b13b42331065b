package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Dataset;
import org.synlab.api.Tensor;
import org.synlab.engine.ShippedPlugins;

/** Inputs that are 8-bit codes over one divisor are gathered from bytes, into the very floats of the table. */
class ByteCodesTest {

    private static final int FEATURES = 37;
    private static final int ROWS = 50;

    /** A table whose inputs are {@code code / divisor}, codes from the row and column, some 0 and some 255. */
    private static DataTable table(float divisor) {
        return DataTable.loadForShuffling("train", new Dataset.Split() {
            @Override
            public int size() {
                return ROWS;
            }

            @Override
            public void read(int index, float[] x, int xOffset, float[] y, int yOffset) {
                for (int i = 0; i < FEATURES; i++) {
                    int code = (index * 31 + i * 17) % 300;
                    x[xOffset + i] = Math.min(code, 255) / divisor;
                }
                y[yOffset] = index % 3;
            }
        }, FEATURES, 1);
    }

    @Test
    void imagePixelsAreFoundToBeCodes() {
        for (float divisor : new float[] {255f, 256f, 1f, 100f}) {
            DataTable table = table(divisor);
            assertNotNull(table.codes, "divisor " + divisor);
            assertEquals(divisor, table.codes.divisor());
            for (int i = 0; i < table.x.length; i++) {
                assertEquals(Float.floatToRawIntBits(table.x[i]),
                        Float.floatToRawIntBits((table.codes.codes()[i] & 0xFF) / divisor), "element " + i);
            }
        }
    }

    @Test
    void valuesOffTheGridKeepTheFloats() {
        float[] pixels = new float[256];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 255f; // every code, so a half step would need codes past 255
        }
        assertNotNull(ByteCodes.of(pixels));
        for (float odd : new float[] {0.3f, -1f / 255f, -0f, Float.NaN, Float.POSITIVE_INFINITY, 256f / 255f,
                0.5f / 255f}) {
            float[] x = pixels.clone();
            x[10] = odd;
            assertNull(ByteCodes.of(x), "with " + odd);
        }
        assertEquals(1f, ByteCodes.of(new float[8]).divisor(), "all zeros: one code");
    }

    @Test
    void gatheringFromCodesGivesTheTablesFloats() {
        DataTable table = table(255f);
        assertNotNull(table.codes);
        int[] order = new int[ROWS];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < ROWS; i++) {
            order[i] = random.nextInt(ROWS);
        }
        Backend backend = new ShippedPlugins().byName(Backend.class).get("cpu");
        try (Compute compute = backend.open(new ComputeConfig(1, 1))) {
            int batch = 16;
            Tensor x = compute.zeros(batch, FEATURES);
            Tensor y = compute.zeros(batch, 1);
            float[] yStage = new float[batch];
            table.gather(order, 7, batch, yStage, compute, x, y);
            float[] expected = new float[batch * FEATURES];
            for (int r = 0; r < batch; r++) {
                System.arraycopy(table.x, order[7 + r] * FEATURES, expected, r * FEATURES, FEATURES);
                assertEquals(order[7 + r] % 3, yStage[r]);
            }
            assertArrayEquals(expected, compute.download(x));
        }
    }

    @Test
    void tablesReadInOrderKeepNoCodes() {
        DataTable shuffled = table(255f);
        DataTable inOrder = DataTable.load("test", new Dataset.Split() {
            @Override
            public int size() {
                return ROWS;
            }

            @Override
            public void read(int index, float[] x, int xOffset, float[] y, int yOffset) {
                System.arraycopy(shuffled.x, index * FEATURES, x, xOffset, FEATURES);
            }
        }, FEATURES, 1);
        assertNull(inOrder.codes);
        assertArrayEquals(shuffled.x, inOrder.x);
    }

    @Test
    void aSubsetKeepsItsRowsCodes() {
        DataTable table = table(255f);
        DataTable part = table.subset("val", new int[] {4, 1, 9});
        assertNotNull(part.codes);
        for (int i = 0; i < part.x.length; i++) {
            assertEquals(part.x[i], (part.codes.codes()[i] & 0xFF) / 255f, "element " + i);
        }
    }
}
