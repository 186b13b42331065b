package org.synlab.engine.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Holds out a fraction of the training split for validation ({@code training.validation}). Which
 * rows go where follows a shuffle seeded by the run's seed only, so the same seed always holds out
 * the same rows, whatever else the experiment changes. Both parts keep the rows in their original
 * order, so {@code shuffle: false} still means the data's order.
 */
final class ValidationSplit {

    /** Mixed into the seed so this shuffle draws other numbers than the epochs' shuffles. */
    private static final long PURPOSE = 0x5EED_0F_7A11L;

    /** The two parts: what the run trains on, and what it validates on. */
    record Parts(DataTable train, DataTable validation) {
    }

    private ValidationSplit() {
    }

    /** How many rows a fraction holds out of {@code rows} (rounded to the nearest). */
    static int heldOut(int rows, double fraction) {
        return (int) Math.round(rows * fraction);
    }

    static Parts of(DataTable table, double fraction, long seed) {
        int[] order = new int[table.rows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ PURPOSE);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validationRows = heldOut(table.rows, fraction);
        int[] validation = Arrays.copyOfRange(order, 0, validationRows);
        int[] train = Arrays.copyOfRange(order, validationRows, order.length);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Parts(table.subset(table.name, train), table.subset("val", validation));
    }
}
