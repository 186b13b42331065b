package org.synlab.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void aShortCurveIsKeptWhole() {
        double[] y = {3, 1, 2};
        assertArrayEquals(new int[] {0, 1, 2}, Downsampler.keep(y, 3, 100));
    }

    @Test
    void aLongCurveKeepsItsExtremesFirstAndLastWithinTheLimit() {
        int n = 1_000_000;
        double[] y = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            y[i] = 1.0 / (1 + i * 1e-4) + random.nextDouble() * 0.01;
        }
        y[123_457] = 50.0;   // a one-step loss spike
        y[876_543] = -3.0;   // and a one-step dip
        int[] keep = Downsampler.keep(y, n, 2000);

        assertTrue(keep.length <= 2000, "kept " + keep.length);
        assertTrue(keep.length > 1900, "a limit of 2000 should be nearly used, kept " + keep.length);
        assertEquals(0, keep[0]);
        assertEquals(n - 1, keep[keep.length - 1]);
        for (int i = 1; i < keep.length; i++) {
            assertTrue(keep[i] > keep[i - 1], "indices must ascend at " + i);
        }
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 123_457), "the spike was hidden");
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 876_543), "the dip was hidden");
        double kept = Arrays.stream(keep).mapToDouble(i -> y[i]).max().orElseThrow();
        assertEquals(50.0, kept);
    }

    @Test
    void everyBucketKeepsItsOwnMinimumAndMaximum() {
        // a sawtooth: each bucket of 10 holds one peak and one trough
        int n = 1002;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        int[] keep = Downsampler.keep(y, n, 202);
        long peaks = Arrays.stream(keep).filter(i -> y[i] == 9).count();
        long troughs = Arrays.stream(keep).filter(i -> i > 0 && y[i] == 0).count();
        assertEquals(100, peaks);
        assertEquals(100, troughs);
    }

    @Test
    void nanNeverCountsAsAnExtremeAndAnAllNanBucketStaysAGap() {
        double[] y = new double[100];
        Arrays.fill(y, Double.NaN);
        y[0] = 1;
        y[99] = 1;
        y[10] = 5;
        int[] keep = Downsampler.keep(y, 100, 10);
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 10));
        assertTrue(keep.length <= 10);
        // the other buckets keep one (NaN) point each, which the page draws as a gap
        assertTrue(Arrays.stream(keep).filter(i -> Double.isNaN(y[i])).count() >= 1);
    }

    @Test
    void historyThinningAppliesPerSeriesAndKeepsNulls() {
        JsonArray x = new JsonArray();
        JsonArray y = new JsonArray();
        for (int i = 0; i < 10_000; i++) {
            x.add(i * 0.01);
            y.add(i == 5000 ? null : (i == 7777 ? 99.0 : 1.0));
        }
        JsonObject history = new JsonObject().put("run", "r").put("series",
                new JsonObject().put("train.loss", new JsonObject().put("x", x).put("y", y))
                        .put("short", new JsonObject().put("x", new JsonArray().add(1).add(2)).put("y", new JsonArray().add(3).add(4))));
        JsonObject thin = HistoryThinning.thin(history, 100);
        JsonObject loss = thin.getJsonObject("series").getJsonObject("train.loss");
        assertTrue(loss.getJsonArray("x").size() <= 100);
        assertEquals(loss.getJsonArray("x").size(), loss.getJsonArray("y").size());
        assertTrue(loss.getJsonArray("y").contains(99.0), "the maximum was thinned away");
        assertEquals(2, thin.getJsonObject("series").getJsonObject("short").getJsonArray("x").size());
        assertEquals("r", thin.getString("run"));
    }

    @Test
    void aBoundedSeriesCompactsInsteadOfGrowing() {
        Series s = new Series(1000);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, i == 54_321 ? 1e9 : Math.sin(i));
            assertTrue(s.size() <= 1000);
        }
        assertTrue(s.toJson().getJsonArray("y").contains(1e9), "the outlier was lost in compaction");
    }
}
