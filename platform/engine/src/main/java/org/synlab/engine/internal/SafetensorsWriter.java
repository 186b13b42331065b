package org.synlab.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes float32 tensors in the <a href="https://huggingface.co/docs/safetensors">safetensors</a>
 * format, so that PyTorch, JAX or NumPy users can read Synlab's weights: an 8-byte little-endian
 * header length N, N bytes of JSON (each tensor's dtype, shape and data offsets, plus
 * {@code __metadata__}) padded with spaces to a multiple of 8, then the raw little-endian data,
 * tensor after tensor in the header's order.
 */
public final class SafetensorsWriter {

    static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {
    }

    /**
     * Writes the file atomically: into a temporary file beside it, then moved over it, so a reader
     * (or a run killed mid-write) never sees half a checkpoint.
     */
    public static void write(Path file, List<NamedTensor> tensors, Map<String, String> metadata) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(temp, encode(tensors, metadata));
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file's bytes. */
    static byte[] encode(List<NamedTensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (NamedTensor t : tensors) {
            long end = offset + 4L * t.values().length;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", t.shape());
            entry.put("data_offsets", List.of(offset, end));
            if (header.put(t.name(), entry) != null) {
                throw new IllegalArgumentException("two tensors named " + t.name());
            }
            offset = end;
        }
        if (!metadata.isEmpty()) {
            header.put(METADATA, metadata);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a safetensors header", e);
        }
        int headerLength = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + headerLength + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(headerLength);
        out.put(json);
        for (int i = json.length; i < headerLength; i++) {
            out.put((byte) ' ');
        }
        for (NamedTensor t : tensors) {
            for (float v : t.values()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }
}
