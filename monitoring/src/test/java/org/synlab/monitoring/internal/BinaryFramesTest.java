package org.synlab.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class BinaryFramesTest {

    @Test
    void spikesFollowTheDocumentedLayout() {
        Buffer b = BinaryFrames.spikes("run-é", new JsonObject().put("population", "exc").put("size", 400)
                .put("dt", 0.5).put("steps", new JsonArray().add(10).add(11)).put("neurons", new JsonArray().add(3).add(399)));
        BinaryFrames.Reader r = new BinaryFrames.Reader(b);
        assertEquals(BinaryFrames.SPIKES, r.u8());
        assertEquals("run-é", r.string());
        assertEquals("exc", r.string());
        assertEquals(400, r.i32());
        assertEquals(0.5f, r.f32());
        assertEquals(2, r.i32());
        assertEquals(10, r.i32());
        assertEquals(11, r.i32());
        assertEquals(3, r.i32());
        assertEquals(399, r.i32());
        // 1 type + 2+6 run id ("é" is two bytes) + 2+3 name + 12 counts + 16 arrays
        assertEquals(1 + 8 + 5 + 12 + 16, b.length());
        BinaryFrames.validate(b, BinaryFrames.SPIKES, "run-é");
    }

    @Test
    void weightsFollowTheDocumentedLayout() {
        JsonArray values = new JsonArray();
        for (int i = 0; i < 6; i++) {
            values.add(i * 0.25);
        }
        Buffer b = BinaryFrames.weights("r1", new JsonObject().put("projection", "in-exc").put("step", 7)
                .put("rows", 2).put("cols", 3).put("width", 3).put("values", values));
        BinaryFrames.Reader r = new BinaryFrames.Reader(b);
        assertEquals(BinaryFrames.WEIGHTS, r.u8());
        assertEquals("r1", r.string());
        assertEquals("in-exc", r.string());
        assertEquals(7, r.i32());
        assertEquals(2, r.i32());
        assertEquals(3, r.i32());
        assertEquals(3, r.i32());
        for (int i = 0; i < 6; i++) {
            assertEquals(i * 0.25f, r.f32());
        }
        BinaryFrames.validate(b, BinaryFrames.WEIGHTS, "r1");
        // a run hands over a float array; the frame is byte for byte the JSON form's
        float[] array = {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f};
        assertEquals(b, BinaryFrames.weights("r1", "in-exc", 7, 2, 3, 3, array));
        assertThrows(IllegalArgumentException.class, () -> BinaryFrames.weights("r1", "in-exc", 7, 2, 2, 0, array));
    }

    @Test
    void tracesFollowTheDocumentedLayout() {
        Buffer b = BinaryFrames.traces("r1", new JsonObject().put("population", "exc").put("variable", "v").put("step", 100)
                .put("dt", 0.5).put("neurons", new JsonArray().add(4).add(9))
                .put("values", new JsonArray().add(new JsonArray().add(-65).add(-64).add(-63))
                        .add(new JsonArray().add(-70).add(-50).add(-65))));
        BinaryFrames.Reader r = new BinaryFrames.Reader(b);
        assertEquals(BinaryFrames.TRACES, r.u8());
        assertEquals("r1", r.string());
        assertEquals("exc.v", r.string());
        assertEquals(100, r.i32());
        assertEquals(0.5f, r.f32());
        assertEquals(2, r.i32());
        assertEquals(3, r.i32());
        assertEquals(4, r.i32());
        assertEquals(9, r.i32());
        float[] expected = {-65, -64, -63, -70, -50, -65};
        for (float v : expected) {
            assertEquals(v, r.f32());
        }
        BinaryFrames.validate(b, BinaryFrames.TRACES, "r1");
        assertThrows(IllegalArgumentException.class, () -> BinaryFrames.traces("r1", new JsonObject().put("population", "exc")
                .put("variable", "v").put("neurons", new JsonArray().add(1).add(2))
                .put("values", new JsonArray().add(new JsonArray().add(1)).add(new JsonArray().add(1).add(2)))));
    }

    @Test
    void malformedFramesAreRejectedWithAReason() {
        Buffer good = BinaryFrames.spikes("r1", new JsonObject().put("population", "p").put("size", 4)
                .put("steps", new JsonArray().add(1)).put("neurons", new JsonArray().add(2)));
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> BinaryFrames.validate(good.getBuffer(0, good.length() - 1), BinaryFrames.SPIKES, "r1"));
        assertTrue(truncated.getMessage().contains("bytes") || truncated.getMessage().contains("truncated"), truncated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryFrames.validate(good, BinaryFrames.SPIKES, "other"));
        assertThrows(IllegalArgumentException.class, () -> BinaryFrames.validate(good, BinaryFrames.WEIGHTS, "r1"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> BinaryFrames.spikes("r1",
                new JsonObject().put("population", "p").put("size", 4).put("steps", new JsonArray().add(1)).put("neurons", new JsonArray().add(4))));
        assertTrue(outside.getMessage().contains("neuron 4"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryFrames.weights("r1",
                new JsonObject().put("projection", "w").put("rows", 2).put("cols", 2).put("values", new JsonArray().add(1))));
    }
}
