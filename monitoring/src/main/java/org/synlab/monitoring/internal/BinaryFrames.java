package org.synlab.monitoring.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The binary WebSocket frames for spikes and weights, and their event-bus forms. All numbers are
 * little-endian and packed (no padding); the browser reads them with a {@code DataView}.
 *
 * <pre>
 * common head     u8  type (1 = spikes, 2 = weights)
 *                 u16 byte length L of the run id, then L bytes of UTF-8
 *                 u16 byte length P of the name (population or projection), then P bytes of UTF-8
 * spikes  (1)     i32 size       neurons in the population (the raster's height)
 *                 f32 dt         simulated milliseconds per step
 *                 i32 n          spikes in this frame
 *                 i32[n] step    the step of each spike
 *                 i32[n] neuron  the neuron of each spike, 0 .. size-1
 * weights (2)     i32 step       the step the weights were taken at
 *                 i32 rows       post-synaptic neurons
 *                 i32 cols       pre-synaptic inputs per neuron
 *                 i32 width      image width of a row (28 for MNIST receptive fields); 0: not an image
 *                 f32[rows*cols] values, row-major (row = post-synaptic neuron)
 * traces  (3)     (name: population.variable, e.g. "exc.v")
 *                 i32 step       the first step of the frame
 *                 f32 dt         simulated milliseconds per step
 *                 i32 k          recorded neurons
 *                 i32 m          steps in the frame
 *                 i32[k] neuron  their ids
 *                 f32[k*m] values, neuron-major (the m values of the first neuron, then the next)
 * </pre>
 *
 * The spiking runtime publishes either that exact layout as a {@link Buffer} or, simpler to write,
 * the JSON form ({@link #spikes(String, JsonObject)}, {@link #weights(String, JsonObject)},
 * {@link #traces(String, JsonObject)}) on {@code synlab.run.<id>.spikes}, {@code .weights} and
 * {@code .traces}, one message per step or per batch of steps, never one per neuron.
 */
public final class BinaryFrames {

    public static final byte SPIKES = 1;
    public static final byte WEIGHTS = 2;
    public static final byte TRACES = 3;

    private static final int MAX_NAME_BYTES = 0xFFFF;

    private BinaryFrames() {
    }

    /**
     * Encodes the JSON form {@code {"population": "exc", "size": 400, "dt": 0.5, "steps": [...],
     * "neurons": [...]}} (steps and neurons of equal length).
     */
    public static Buffer spikes(String runId, JsonObject json) {
        String population = required(json.getString("population"), "population");
        JsonArray steps = json.getJsonArray("steps", new JsonArray());
        JsonArray neurons = json.getJsonArray("neurons", new JsonArray());
        if (steps.size() != neurons.size()) {
            throw new IllegalArgumentException("spikes of " + population + ": " + steps.size() + " steps but "
                    + neurons.size() + " neurons");
        }
        int size = json.getInteger("size", 0);
        int n = steps.size();
        Buffer b = head(SPIKES, runId, population, 12 + 8 * n);
        b.appendIntLE(size).appendFloatLE(json.getFloat("dt", 1.0f)).appendIntLE(n);
        for (int i = 0; i < n; i++) {
            b.appendIntLE(steps.getInteger(i));
        }
        for (int i = 0; i < n; i++) {
            int neuron = neurons.getInteger(i);
            if (neuron < 0 || (size > 0 && neuron >= size)) {
                throw new IllegalArgumentException("spikes of " + population + ": neuron " + neuron
                        + " outside 0.." + (size - 1));
            }
            b.appendIntLE(neuron);
        }
        return b;
    }

    /**
     * Encodes the JSON form {@code {"projection": "input-exc", "step": 1000, "rows": 100,
     * "cols": 784, "width": 28, "values": [...]}} (rows*cols values, row-major).
     */
    public static Buffer weights(String runId, JsonObject json) {
        String projection = required(json.getString("projection"), "projection");
        int rows = json.getInteger("rows", 0);
        int cols = json.getInteger("cols", 0);
        JsonArray values = json.getJsonArray("values", new JsonArray());
        if (rows < 0 || cols < 0 || (long) rows * cols != values.size()) {
            throw new IllegalArgumentException("weights of " + projection + ": " + rows + " x " + cols + " but "
                    + values.size() + " values");
        }
        Buffer b = head(WEIGHTS, runId, projection, 16 + 4 * values.size());
        b.appendIntLE(json.getInteger("step", 0)).appendIntLE(rows).appendIntLE(cols)
                .appendIntLE(json.getInteger("width", 0));
        for (int i = 0; i < values.size(); i++) {
            b.appendFloatLE(values.getFloat(i));
        }
        return b;
    }

    /**
     * Encodes the JSON form {@code {"population": "exc", "variable": "v", "step": 1000, "dt": 0.5,
     * "neurons": [0, 7], "values": [[...m values of neuron 0...], [...of neuron 7...]]}}.
     */
    public static Buffer traces(String runId, JsonObject json) {
        String name = required(json.getString("population"), "population") + "." + required(json.getString("variable"), "variable");
        JsonArray neurons = json.getJsonArray("neurons", new JsonArray());
        JsonArray values = json.getJsonArray("values", new JsonArray());
        if (neurons.size() != values.size()) {
            throw new IllegalArgumentException("traces of " + name + ": " + neurons.size() + " neurons but "
                    + values.size() + " value rows");
        }
        int k = neurons.size();
        int m = k == 0 ? 0 : values.getJsonArray(0).size();
        for (int i = 0; i < k; i++) {
            if (values.getJsonArray(i).size() != m) {
                throw new IllegalArgumentException("traces of " + name + ": neuron " + neurons.getValue(i) + " has "
                        + values.getJsonArray(i).size() + " values, the first has " + m);
            }
        }
        Buffer b = head(TRACES, runId, name, 16 + 4 * k + 4 * k * m);
        b.appendIntLE(json.getInteger("step", 0)).appendFloatLE(json.getFloat("dt", 1.0f)).appendIntLE(k).appendIntLE(m);
        for (int i = 0; i < k; i++) {
            b.appendIntLE(neurons.getInteger(i));
        }
        for (int i = 0; i < k; i++) {
            JsonArray row = values.getJsonArray(i);
            for (int j = 0; j < m; j++) {
                b.appendFloatLE(row.getFloat(j));
            }
        }
        return b;
    }

    /**
     * A spike frame from parallel arrays, as a spiking run hands them over: spike k is
     * {@code neurons[k]} at {@code steps[k]}.
     */
    public static Buffer spikes(String runId, String population, int size, float dtMs, int[] steps, int[] neurons) {
        if (steps.length != neurons.length) {
            throw new IllegalArgumentException("spikes of " + population + ": " + steps.length + " steps but "
                    + neurons.length + " neurons");
        }
        int n = steps.length;
        Buffer b = head(SPIKES, runId, population, 12 + 8 * n);
        b.appendIntLE(size).appendFloatLE(dtMs).appendIntLE(n);
        for (int step : steps) {
            b.appendIntLE(step);
        }
        for (int neuron : neurons) {
            b.appendIntLE(neuron);
        }
        return b;
    }

    /**
     * A weight frame from an array: row {@code r} (a postsynaptic neuron) is {@code values[r * cols ..
     * (r + 1) * cols - 1]}; {@code width} is the image width of a row (0: not an image).
     */
    public static Buffer weights(String runId, String projection, int step, int rows, int cols, int width,
                                 float[] values) {
        if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("weights of " + projection + ": " + rows + " x " + cols + " but "
                    + values.length + " values");
        }
        Buffer b = head(WEIGHTS, runId, projection, 16 + 4 * values.length);
        b.appendIntLE(step).appendIntLE(rows).appendIntLE(cols).appendIntLE(width);
        for (float v : values) {
            b.appendFloatLE(v);
        }
        return b;
    }

    /**
     * A trace frame from arrays: {@code values[i]} holds neuron {@code neurons[i]}'s samples of
     * consecutive steps from {@code step} on, {@code dtMs} apart (all rows the same length).
     */
    public static Buffer traces(String runId, String population, String variable, int step, float dtMs, int[] neurons,
                                float[][] values) {
        String name = population + "." + variable;
        if (neurons.length != values.length) {
            throw new IllegalArgumentException("traces of " + name + ": " + neurons.length + " neurons but "
                    + values.length + " value rows");
        }
        int k = neurons.length;
        int m = k == 0 ? 0 : values[0].length;
        Buffer b = head(TRACES, runId, name, 16 + 4 * k + 4 * k * m);
        b.appendIntLE(step).appendFloatLE(dtMs).appendIntLE(k).appendIntLE(m);
        for (int neuron : neurons) {
            b.appendIntLE(neuron);
        }
        for (float[] row : values) {
            if (row.length != m) {
                throw new IllegalArgumentException("traces of " + name + ": rows of " + row.length + " and " + m + " values");
            }
            for (float v : row) {
                b.appendFloatLE(v);
            }
        }
        return b;
    }

    private static Buffer head(byte type, String runId, String name, int bodyBytes) {
        byte[] run = utf8(runId, "run id");
        byte[] nm = utf8(name, "name");
        Buffer b = Buffer.buffer(5 + run.length + nm.length + bodyBytes);
        return b.appendByte(type).appendUnsignedShortLE(run.length).appendBytes(run)
                .appendUnsignedShortLE(nm.length).appendBytes(nm);
    }

    private static byte[] utf8(String s, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the " + what + " is longer than " + MAX_NAME_BYTES + " bytes");
        }
        return bytes;
    }

    private static String required(String value, String key) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the frame has no \"" + key + "\"");
        }
        return value;
    }

    /**
     * Checks that a frame published as a {@link Buffer} has the {@code expectedType}, belongs to the
     * run and is as long as its counts say, so that a malformed frame is rejected here, with a reason,
     * rather than garbling every open tab.
     */
    public static void validate(Buffer b, byte expectedType, String runId) {
        Reader r = new Reader(b);
        byte type = r.u8();
        if (type != expectedType) {
            throw new IllegalArgumentException("frame type " + type + ", expected " + expectedType);
        }
        String run = r.string();
        if (!run.equals(runId)) {
            throw new IllegalArgumentException("frame of run " + run + " published for run " + runId);
        }
        r.string();
        long expected;
        if (type == SPIKES) {
            r.i32();
            r.f32();
            int n = r.i32();
            expected = r.pos + 8L * n;
        } else if (type == WEIGHTS) {
            r.i32();
            int rows = r.i32();
            int cols = r.i32();
            r.i32();
            expected = r.pos + 4L * rows * cols;
        } else {
            r.i32();
            r.f32();
            int k = r.i32();
            int m = r.i32();
            expected = r.pos + 4L * k + 4L * k * m;
        }
        if (expected != b.length()) {
            throw new IllegalArgumentException("frame of " + b.length() + " bytes, its counts say " + expected);
        }
    }

    /** Reads the head and counts back; the tests use it to check the encoder against the layout. */
    static final class Reader {
        private final Buffer b;
        private int pos;

        Reader(Buffer b) {
            this.b = b;
        }

        byte u8() {
            check(1);
            return b.getByte(pos++);
        }

        int u16() {
            check(2);
            int v = b.getUnsignedShortLE(pos);
            pos += 2;
            return v;
        }

        int i32() {
            check(4);
            int v = b.getIntLE(pos);
            pos += 4;
            return v;
        }

        float f32() {
            check(4);
            float v = b.getFloatLE(pos);
            pos += 4;
            return v;
        }

        String string() {
            int len = u16();
            check(len);
            String s = b.getString(pos, pos + len, "UTF-8");
            pos += len;
            return s;
        }

        private void check(int bytes) {
            if (pos + bytes > b.length()) {
                throw new IllegalArgumentException("frame truncated at byte " + pos + " of " + b.length());
            }
        }
    }
}
