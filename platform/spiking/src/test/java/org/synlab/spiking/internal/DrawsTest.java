package org.synlab.spiking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synlab.spiking.Value;

class DrawsTest {

    @Test
    void uniformStaysInRangeWithTheRightMean() {
        Draws draws = new Draws();
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double x = draws.sample(Value.uniform(-60, -50), 1, 2, i);
            assertTrue(x >= -60 && x < -50);
            sum += x;
        }
        // sd of the mean: 10 / sqrt(12 n) = 0.009
        assertEquals(-55, sum / n, 0.05);
    }

    @Test
    void normalHasItsMeanAndSpread() {
        Draws draws = new Draws();
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = draws.sample(Value.normal(3, 2), 9, 4, i);
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        assertEquals(3, mean, 0.04);
        assertEquals(2, Math.sqrt(squares / n - mean * mean), 0.03);
    }

    @Test
    void drawsArePureFunctionsOfSeedStreamAndIndex() {
        Draws a = new Draws();
        Draws b = new Draws();
        Value v = Value.normal(0, 1);
        assertEquals(a.sample(v, 5, 6, 7), b.sample(v, 5, 6, 7));
        b.sample(v, 5, 6, 8);
        assertEquals(a.sample(v, 5, 6, 7), b.sample(v, 5, 6, 7), "order of calls does not matter");
        assertNotEquals(a.sample(v, 5, 6, 7), a.sample(v, 5, 7, 7));
        assertNotEquals(a.sample(v, 5, 6, 7), a.sample(v, 6, 6, 7));
        assertEquals(1.5, a.sample(Value.constant(1.5), 0, 0, 0));
    }

    @Test
    void boundedIntegersCoverTheirRangeEvenly() {
        RandomSequence r = new RandomSequence().reset(1, 2, 3);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[r.nextBelow(7)]++;
        }
        for (int c : counts) {
            // expected 10000, sd about 93
            assertTrue(Math.abs(c - 10_000) < 500, "bucket count " + c);
        }
    }

    @Test
    void streamsOfDifferentPurposesNeverCollide() {
        assertNotEquals(Streams.of(Streams.WEIGHT, 0, 0), Streams.of(Streams.DELAY, 0, 0));
        assertNotEquals(Streams.of(Streams.INITIAL, 1, 0), Streams.of(Streams.INITIAL, 0, 1));
    }
}
