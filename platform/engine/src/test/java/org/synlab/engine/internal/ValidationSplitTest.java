package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.synlab.api.Dataset;

/** The validation split is seeded, disjoint from what is trained on, and covers the split. */
class ValidationSplitTest {

    private static DataTable rows(int n) {
        return DataTable.load("train", new Dataset.Split() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void read(int index, float[] x, int xOffset, float[] y, int yOffset) {
                x[xOffset] = index;
                y[yOffset] = index % 2;
            }
        }, 1, 1);
    }

    @Test
    void seededDisjointAndComplete() {
        DataTable table = rows(100);
        ValidationSplit.Parts a = ValidationSplit.of(table, 0.3, 7);
        ValidationSplit.Parts b = ValidationSplit.of(table, 0.3, 7);
        ValidationSplit.Parts other = ValidationSplit.of(table, 0.3, 8);
        assertEquals(30, a.validation().rows);
        assertEquals(70, a.train().rows);
        assertEquals("val", a.validation().name);
        assertArrayEquals(a.validation().x, b.validation().x);
        assertFalse(Arrays.equals(a.validation().x, other.validation().x));
        BitSet seen = new BitSet();
        for (float v : a.train().x) {
            seen.set((int) v);
        }
        for (float v : a.validation().x) {
            assertFalse(seen.get((int) v), "row " + v + " is in both parts");
            seen.set((int) v);
        }
        assertEquals(100, seen.cardinality());
        // targets travel with their rows
        for (int i = 0; i < a.validation().rows; i++) {
            assertEquals(((int) a.validation().x[i]) % 2, (int) a.validation().y[i]);
        }
    }
}
