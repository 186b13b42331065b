package org.synlab.plugins.datasets.mnist.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builders for small data files the tests write themselves: idx arrays, gzip, tar archives. */
public final class TestData {

    private TestData() {
    }

    /** An idx file of unsigned bytes: magic {@code 0x0000080<rank>}, big-endian dimensions, values. */
    public static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + values.length); // big-endian by default
        buffer.putInt(0x0800 | dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(values);
        return buffer.array();
    }

    /** {@code count} images of {@code side x side}; pixel {@code p} of image {@code i} is {@code (i + p) % 256}. */
    public static byte[] idxImages(int count, int side) {
        byte[] values = new byte[count * side * side];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < side * side; p++) {
                values[i * side * side + p] = (byte) ((i + p) % 256);
            }
        }
        return idx(new int[] {count, side, side}, values);
    }

    /** Labels {@code i % classes}. */
    public static byte[] idxLabels(int count, int classes) {
        byte[] values = new byte[count];
        for (int i = 0; i < count; i++) {
            values[i] = (byte) (i % classes);
        }
        return idx(new int[] {count}, values);
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code content} as {@code dir/name} and returns what a dataset definition would record for it. */
    public static ExpectedFile write(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
        return expected(name, content);
    }

    public static ExpectedFile expected(String name, byte[] content) {
        return new ExpectedFile(name, content.length, Sha256.hex(content));
    }

    /** A ustar archive being built in memory, entry by entry. */
    public static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Tar file(String name, byte[] content) {
            return entry(name, (byte) '0', content);
        }

        public Tar folder(String name) {
            return entry(name, (byte) '5', new byte[0]);
        }

        /** A file whose full name travels in a pax header, as tar writes names over 100 characters. */
        public Tar fileWithPaxName(String longName, byte[] content) {
            String record = "path=" + longName + "\n";
            // the length prefix counts itself: find the length whose decimal form makes the record that long
            int length = record.length() + 2;
            while (String.valueOf(length).length() + 1 + record.length() != length) {
                length++;
            }
            entry("PaxHeader/x", (byte) 'x', (length + " " + record).getBytes(StandardCharsets.UTF_8));
            return entry("ustar-name-the-pax-path-replaces", (byte) '0', content);
        }

        public Tar entry(String name, byte type, byte[] content) {
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", content.length));
            put(header, 136, "00000000000");
            header[156] = type;
            put(header, 257, "ustar");
            header[262] = 0;
            put(header, 263, "00");
            int sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
            }
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            header[155] = ' ';
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
            return this;
        }

        /** The archive with its end marker. */
        public byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(new byte[1024]);
            return copy.toByteArray();
        }

        private static void put(byte[] header, int offset, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, header, offset, bytes.length);
        }
    }
}
