package org.synlab.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryRunHistoryTest {

    private final AtomicLong clock = new AtomicLong(1000);
    private final MemoryRunHistory history = new MemoryRunHistory(3, 100, clock::incrementAndGet);

    private static JsonObject progress(String run, int epoch, double loss, double accuracy) {
        return new JsonObject().put("run", run).put("epoch", epoch).put("epochs", 10).put("fraction", epoch / 10.0)
                .put("metrics", new JsonObject().put("train.loss", loss).put("train.accuracy", accuracy).putNull("val.loss"));
    }

    @Test
    void aRunKeepsItsStatusLastAndBestValuesAndCurves() {
        history.apply("started", new JsonObject().put("run", "r1").put("experiment", "experiments/xor.yaml"));
        history.apply("progress", progress("r1", 1, 0.9, 0.5));
        history.apply("progress", progress("r1", 2, 0.4, 0.8));
        JsonObject row = history.apply("progress", progress("r1", 3, 0.6, 0.7));

        assertEquals("running", row.getString("status"));
        assertEquals(0.6, row.getJsonObject("metrics").getDouble("train.loss"));
        assertEquals(0.4, row.getJsonObject("best").getDouble("train.loss"));
        assertEquals(0.8, row.getJsonObject("best").getDouble("train.accuracy"));
        assertFalse(row.getJsonObject("metrics").containsKey("val.loss"), "a null metric has no last value");

        JsonObject h = history.history("r1");
        assertEquals(3, h.getJsonObject("series").getJsonObject("train.loss").getJsonArray("x").size());
        assertEquals(1.0, h.getJsonObject("series").getJsonObject("train.loss").getJsonArray("x").getDouble(0));
        assertNull(h.getJsonObject("series").getJsonObject("val.loss").getJsonArray("y").getValue(0));

        row = history.apply("finished", new JsonObject().put("run", "r1").put("status", "completed")
                .put("experiment", "experiments/xor.yaml").put("metrics", new JsonObject().put("test.accuracy", 0.75)));
        assertEquals("completed", row.getString("status"));
        assertEquals(0.75, row.getJsonObject("metrics").getDouble("test.accuracy"));
        assertNull(history.history("nope"));
    }

    @Test
    void memoryHoldsAtMostMaxRunsDroppingFinishedOnesFirst() {
        history.apply("started", new JsonObject().put("run", "a"));
        history.apply("finished", new JsonObject().put("run", "a").put("status", "completed"));
        history.apply("started", new JsonObject().put("run", "b"));
        history.apply("started", new JsonObject().put("run", "c"));
        history.apply("started", new JsonObject().put("run", "d"));
        assertEquals(3, history.runs().size());
        assertFalse(history.knows("a"), "the finished run should go first");
        assertTrue(history.knows("b") && history.knows("c") && history.knows("d"));
        assertEquals("d", history.runs().get(0).getString("run"), "newest first");
    }

    @Test
    void unknownEventsAndEventsWithoutARunAreIgnored() {
        assertNull(history.apply("checkpoint", new JsonObject().put("run", "x")));
        assertNull(history.apply("progress", new JsonObject()));
        assertTrue(history.runs().isEmpty(), "an ignored event must not create a run");
    }
}
