package org.synlab.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads float32 tensors from a <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * file (see {@link SafetensorsWriter}), checking the header against the file so that a truncated
 * or foreign file is refused with a reason instead of giving garbage weights.
 */
public final class SafetensorsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The format's own limit on the header size, which also guards against reading a foreign file. */
    private static final long MAX_HEADER = 100_000_000L;

    private SafetensorsReader() {
    }

    /** The tensors by name in file order, and the string metadata. */
    public record Contents(Map<String, NamedTensor> tensors, Map<String, String> metadata) {
    }

    public static Contents read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    static Contents decode(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8) {
            throw new IOException("not a safetensors file: " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = in.getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > bytes.length) {
            throw new IOException("not a safetensors file: header length " + headerLength + " does not fit a file of "
                    + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("not a safetensors file: the header is not JSON (" + e.getMessage() + ")");
        }
        if (header == null || !header.isObject()) {
            throw new IOException("not a safetensors file: the header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - dataStart;
        Map<String, NamedTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode entry = field.getValue();
            if (name.equals(SafetensorsWriter.METADATA)) {
                entry.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            String dtype = entry.path("dtype").asText();
            if (!dtype.equals("F32")) {
                throw new IOException("tensor " + name + " has dtype " + dtype + "; only F32 (float32) can be loaded");
            }
            JsonNode shapeNode = entry.path("shape");
            int[] shape = new int[shapeNode.size()];
            long size = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = shapeNode.get(d).asInt();
                size *= shape[d];
            }
            JsonNode offsets = entry.path("data_offsets");
            long begin = offsets.path(0).asLong(-1);
            long end = offsets.path(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLength || end - begin != 4 * size) {
                throw new IOException("tensor " + name + " has data_offsets [" + begin + ", " + end + "] that do not fit"
                        + " its shape " + java.util.Arrays.toString(shape) + " in " + dataLength + " bytes of data");
            }
            float[] values = new float[(int) size];
            ByteBuffer data = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().get(values);
            tensors.put(name, new NamedTensor(name, shape, values));
        }
        return new Contents(tensors, metadata);
    }
}
