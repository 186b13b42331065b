package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors byte layout, read back by hand rather than by the reader, and a round trip. */
class SafetensorsTest {

    private static final List<NamedTensor> TENSORS = List.of(
            new NamedTensor("layer1.weight", new int[] {2, 3}, new float[] {1f, -2f, 0.5f, 3.25f, 0f, -0.125f}),
            new NamedTensor("layer1.bias", new int[] {3}, new float[] {0.1f, 0.2f, 0.3f}));

    @Test
    void layoutFollowsTheFormat() throws Exception {
        byte[] bytes = SafetensorsWriter.encode(TENSORS, Map.of("epoch", "3"));
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (bytes[i] & 0xFF);
        }
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{"));
        assertTrue(header.substring(header.lastIndexOf('}') + 1).isBlank(), "only spaces after the JSON");
        assertTrue(header.substring(header.lastIndexOf('}') + 1).chars().allMatch(c -> c == ' '));
        JsonNode json = new ObjectMapper().readTree(header);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("layer1.weight", "layer1.bias", "__metadata__"), keys);
        assertEquals("3", json.get("__metadata__").get("epoch").asText());
        assertEquals("F32", json.get("layer1.weight").get("dtype").asText());
        assertEquals("[2,3]", json.get("layer1.weight").get("shape").toString());
        long dataLength = bytes.length - 8 - n;
        long expectedBegin = 0;
        for (String name : List.of("layer1.weight", "layer1.bias")) {
            JsonNode offsets = json.get(name).get("data_offsets");
            assertEquals(expectedBegin, offsets.get(0).asLong(), name + " starts where the one before ended");
            expectedBegin = offsets.get(1).asLong();
            assertTrue(expectedBegin <= dataLength, name + " ends inside the file");
        }
        assertEquals(dataLength, expectedBegin, "the data block holds exactly the tensors");
        int data = 8 + (int) n;
        // 3.25f is 0x40500000: little-endian bytes 00 00 50 40
        int at = data + 3 * 4;
        assertArrayEquals(new byte[] {0, 0, 0x50, 0x40}, java.util.Arrays.copyOfRange(bytes, at, at + 4));
        assertEquals(-0.125f, Float.intBitsToFloat(littleEndianInt(bytes, data + 5 * 4)));
        assertEquals(0.3f, Float.intBitsToFloat(littleEndianInt(bytes, data + 6 * 4 + 2 * 4)));
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    @Test
    void roundTripThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/w.safetensors");
        SafetensorsWriter.write(file, TENSORS, Map.of("experiment", "x", "epoch", "2"));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
        SafetensorsReader.Contents back = SafetensorsReader.read(file);
        assertEquals(List.of("layer1.weight", "layer1.bias"), List.copyOf(back.tensors().keySet()));
        for (NamedTensor t : TENSORS) {
            assertArrayEquals(t.shape(), back.tensors().get(t.name()).shape());
            assertArrayEquals(t.values(), back.tensors().get(t.name()).values());
        }
        assertEquals(Map.of("experiment", "x", "epoch", "2"), back.metadata());
    }

    @Test
    void truncatedOrForeignFilesAreRefused() {
        byte[] bytes = SafetensorsWriter.encode(TENSORS, Map.of());
        IOException truncated = assertThrows(IOException.class,
                () -> SafetensorsReader.decode(java.util.Arrays.copyOf(bytes, bytes.length - 4)));
        assertTrue(truncated.getMessage().contains("layer1.bias"), truncated.getMessage());
        IOException foreign = assertThrows(IOException.class,
                () -> SafetensorsReader.decode("not a weights file at all".getBytes(StandardCharsets.UTF_8)));
        assertTrue(foreign.getMessage().contains("not a safetensors file"), foreign.getMessage());
    }
}
