package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pool's choice between sharing its calls with the helpers and running them alone, on given timings. */
class SoloOrSharedTest {

    private static final int MEASURED = 2 * SoloOrShared.PAIRS * SoloOrShared.STRETCH;
    private static final int SOLO_WHILE_MEASURING = SoloOrShared.PAIRS * SoloOrShared.STRETCH;

    /** Makes {@code calls} calls, each taking {@code sharedNanos} when shared and {@code soloNanos} alone; counts the solo ones. */
    private static int run(SoloOrShared choice, int calls, long sharedNanos, long soloNanos) {
        int solo = 0;
        for (int i = 0; i < calls; i++) {
            boolean alone = choice.solo();
            solo += alone ? 1 : 0;
            choice.record(alone ? soloNanos : sharedNanos);
        }
        return solo;
    }

    @Test
    void measuresBothWaysInAlternatingStretchesThenKeepsTheFaster() {
        SoloOrShared choice = new SoloOrShared();
        assertFalse(choice.solo(), "the first stretch is shared");
        run(choice, SoloOrShared.STRETCH, 20_000, 10_000);
        assertTrue(choice.solo(), "the second stretch runs alone");
        // helpers that make calls twice as slow: after the measurement, calls run alone
        assertEquals(SOLO_WHILE_MEASURING, run(choice, MEASURED - SoloOrShared.STRETCH, 20_000, 10_000));
        assertTrue(choice.solo());
        assertEquals(SoloOrShared.CHOSEN_CALLS, run(choice, SoloOrShared.CHOSEN_CALLS, 20_000, 10_000));
        // then it measures again: helpers that now halve the time are taken back
        assertFalse(choice.solo());
        assertEquals(SOLO_WHILE_MEASURING, run(choice, MEASURED + SoloOrShared.CHOSEN_CALLS, 5_000, 10_000),
                "only the measurement's solo stretches run alone");
        assertFalse(choice.solo());
    }

    @Test
    void keepsSharingUnlessAloneIsClearlyFaster() {
        SoloOrShared choice = new SoloOrShared();
        // alone 5% faster is within the margin: the helpers stay
        assertEquals(SOLO_WHILE_MEASURING, run(choice, MEASURED + SoloOrShared.CHOSEN_CALLS, 10_000, 9_500));
        assertFalse(choice.solo());
        // alone 20% faster: chosen
        run(choice, MEASURED, 10_000, 8_000);
        assertTrue(choice.solo());
    }

    @Test
    void aSlowMomentDuringOneStretchDoesNotDecideAlone() {
        SoloOrShared choice = new SoloOrShared();
        // shared is 30% faster, but its first stretch is slowed 1.5x (the JIT compiling beside it): the other
        // shared stretch still carries the comparison
        int solo = 0;
        for (int i = 0; i < MEASURED; i++) {
            boolean alone = choice.solo();
            solo += alone ? 1 : 0;
            choice.record(alone ? 10_000 : i < SoloOrShared.STRETCH ? 10_500 : 7_000);
        }
        assertEquals(SOLO_WHILE_MEASURING, solo);
        assertFalse(choice.solo());
    }
}
