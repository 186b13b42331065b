package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class UstarReaderTest {

    private static final byte[] SMALL = "hello".getBytes(StandardCharsets.UTF_8);
    // 1,300 bytes: spans three blocks and ends mid-block, so padding must be skipped correctly
    private static final byte[] LARGER = new byte[1300];

    static {
        for (int i = 0; i < LARGER.length; i++) {
            LARGER[i] = (byte) (i * 7);
        }
    }

    @Test
    void readsEntriesOfAGzippedArchiveInOrder() throws IOException {
        byte[] tgz = TestData.gzip(new TestData.Tar()
                .folder("package/")
                .file("package/data/larger.bin", LARGER)
                .file("package/readme.md", SMALL)
                .bytes());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            UstarReader tar = new UstarReader(in, "test.tgz");
            UstarReader.Entry folder = tar.next();
            assertEquals("package/", folder.name());
            assertFalse(folder.regularFile());

            UstarReader.Entry larger = tar.next();
            assertEquals(new UstarReader.Entry("package/data/larger.bin", 1300, true), larger);
            assertArrayEquals(LARGER, tar.content().readAllBytes());

            UstarReader.Entry readme = tar.next();
            assertEquals("package/readme.md", readme.name());
            assertArrayEquals(SMALL, tar.content().readAllBytes());
            assertNull(tar.next());
        }
    }

    @Test
    void skipsContentThatWasNotRead() throws IOException {
        byte[] tar = new TestData.Tar().file("a", LARGER).file("b", SMALL).bytes();
        UstarReader reader = new UstarReader(new ByteArrayInputStream(tar), "t.tar");
        assertEquals("a", reader.next().name());
        reader.content().readNBytes(10); // read part of it only
        assertEquals("b", reader.next().name());
        assertArrayEquals(SMALL, reader.content().readAllBytes());
    }

    @Test
    void paxPathRecordNamesTheNextEntry() throws IOException {
        String longName = "package/" + "x".repeat(120) + "/data.json";
        byte[] tar = new TestData.Tar().fileWithPaxName(longName, SMALL).bytes();
        UstarReader reader = new UstarReader(new ByteArrayInputStream(tar), "t.tar");
        UstarReader.Entry entry = reader.next();
        assertEquals(longName, entry.name());
        assertArrayEquals(SMALL, reader.content().readAllBytes());
        assertNull(reader.next());
    }

    @Test
    void corruptHeaderIsReported() {
        byte[] tar = new TestData.Tar().file("package/a", SMALL).bytes();
        tar[3] ^= 0x20; // change a byte of the name
        IOException e = assertThrows(IOException.class,
                () -> new UstarReader(new ByteArrayInputStream(tar), "broken.tgz").next());
        assertTrue(e.getMessage().startsWith("broken.tgz: tar header checksum"), e.getMessage());
    }

    @Test
    void archiveCutInsideAnEntryIsReported() {
        byte[] tar = new TestData.Tar().file("a", LARGER).bytes();
        byte[] cut = java.util.Arrays.copyOf(tar, 512 + 700);
        IOException e = assertThrows(IOException.class, () -> {
            UstarReader reader = new UstarReader(new ByteArrayInputStream(cut), "cut.tar");
            reader.next();
            reader.content().readAllBytes();
        });
        assertTrue(e.getMessage().contains("ends inside an entry"), e.getMessage());
    }
}
