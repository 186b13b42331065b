package org.synlab.plugins.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Dataset;
import org.synlab.api.ParameterException;

/** What every seeded generator promises: shapes, splits, reproducibility. */
class RandomDatasetsTest {

    static Stream<Dataset> generators() {
        return Stream.of(new BlobsDataset(), new MoonsDataset(), new LinearRegressionDataset(), new MultilabelDataset(),
                new GaussianDataset(), new PatternsDataset());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void sameSeedGivesTheSameData(Dataset dataset) {
        Dataset.Data a = DatasetReading.open(dataset, Map.of(), 7);
        Dataset.Data b = DatasetReading.open(dataset, Map.of(), 7);
        for (String split : a.splits()) {
            assertArrayEquals(DatasetReading.inputs(a, split), DatasetReading.inputs(b, split));
            assertArrayEquals(DatasetReading.targets(a, split), DatasetReading.targets(b, split));
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void differentSeedGivesDifferentData(Dataset dataset) {
        Dataset.Data a = DatasetReading.open(dataset, Map.of(), 7);
        Dataset.Data b = DatasetReading.open(dataset, Map.of(), 8);
        assertFalse(Arrays.equals(DatasetReading.inputs(a, "train"), DatasetReading.inputs(b, "train")));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void splitsAddUpToSamplesAndShapesMatch(Dataset dataset) {
        Dataset.Data data = DatasetReading.open(dataset, Map.of("samples", 40), 3);
        assertEquals("train", data.splits().getFirst());
        int total = data.splits().stream().mapToInt(s -> data.split(s).size()).sum();
        assertEquals(40, total);
        assertEquals(data.outputs(), data.outputNames().size());
        float[] x = new float[data.features() + 2];
        float[] y = new float[data.outputs() + 2];
        data.split("train").read(0, x, 2, y, 2);
        assertEquals(0f, x[0]);
        assertEquals(0f, y[0]);
        assertThrows(IndexOutOfBoundsException.class,
                () -> data.split("train").read(data.split("train").size(), x, 0, y, 0));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void testFractionThatEmptiesASplitIsRejected(Dataset dataset) {
        assertEquals("test_fraction", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("samples", 4, "test_fraction", 1.0), 1)).key());
        assertEquals("test_fraction", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("samples", 4, "test_fraction", 0.01), 1)).key());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void unknownParameterIsRejected(Dataset dataset) {
        assertEquals("sample", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("sample", 10), 1)).key());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void binaryTargetsAreZeroOrOneAndBothOccur(Dataset dataset) {
        Dataset.Data data = DatasetReading.open(dataset, Map.of(), 11);
        if (data.task() != Dataset.Task.BINARY) {
            return;
        }
        float[] y = DatasetReading.targets(data, "train");
        for (float v : y) {
            assertTrue(v == 0f || v == 1f, "target " + v);
        }
        for (int o = 0; o < data.outputs(); o++) {
            double sum = 0;
            int rows = y.length / data.outputs();
            for (int i = 0; i < rows; i++) {
                sum += y[i * data.outputs() + o];
            }
            double share = sum / rows;
            assertTrue(share > 0.3 && share < 0.7, data.outputNames().get(o) + " positive share " + share);
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void namesFollowTheConvention(Dataset dataset) {
        assertTrue(dataset.name().matches("[a-z]+(-[a-z]+)*"), dataset.name());
        assertFalse(dataset.description().isBlank());
        assertFalse(dataset.description().contains("\n"));
        dataset.parameters().specs().forEach(spec -> assertFalse(spec.description().isBlank(), spec.name()));
        // every parameter has a default: an experiment may name the dataset alone
        assertEquals(dataset.parameters().specs().size(), dataset.parameters().validate(Map.of()).asMap().size());
    }
}
