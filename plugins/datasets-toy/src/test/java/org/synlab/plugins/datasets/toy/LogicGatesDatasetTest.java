package org.synlab.plugins.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Dataset;
import org.synlab.api.ParameterException;

class LogicGatesDatasetTest {

    private final LogicGatesDataset dataset = new LogicGatesDataset();

    @Test
    void defaultIsTheAndTableAsTheOnlyTrainSplit() {
        Dataset.Data data = DatasetReading.open(dataset, Map.of(), 1);
        assertEquals(Dataset.Task.BINARY, data.task());
        assertEquals(2, data.features());
        assertEquals(1, data.outputs());
        assertEquals(List.of("and"), data.outputNames());
        assertEquals(List.of("train"), data.splits());
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, DatasetReading.inputs(data, "train"));
        assertArrayEquals(new float[] {0, 0, 0, 1}, DatasetReading.targets(data, "train"));
    }

    @Test
    void everyGateHasItsExactTruthTable() {
        Dataset.Data data = DatasetReading.open(dataset,
                Map.of("gates", "and, or,nand,nor,xor,xnor,not"), 1);
        assertEquals(List.of("and", "or", "nand", "nor", "xor", "xnor", "not"), data.outputNames());
        float[] y = DatasetReading.targets(data, "train");
        // rows (0,0) (0,1) (1,0) (1,1); columns and or nand nor xor xnor not
        float[] expected = {
                0, 0, 1, 1, 0, 1, 1,
                0, 1, 1, 0, 1, 0, 1,
                0, 1, 1, 0, 1, 0, 0,
                1, 1, 0, 0, 0, 1, 0};
        assertArrayEquals(expected, y);
    }

    @Test
    void repeatRepeatsTheTable() {
        Dataset.Data data = DatasetReading.open(dataset, Map.of("gates", "xor", "repeat", 3), 1);
        assertEquals(12, data.split("train").size());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0}, DatasetReading.targets(data, "train"));
    }

    @Test
    void unknownGateIsRejectedNamingTheKey() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("gates", "and,implies"), 1));
        assertEquals("gates", e.key());
        assertTrue(e.getMessage().contains("implies"), e.getMessage());
    }

    @Test
    void repeatedOrEmptyGateIsRejected() {
        assertEquals("gates", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("gates", "xor,xor"), 1)).key());
        assertEquals("gates", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("gates", "and,"), 1)).key());
    }

    @Test
    void repeatBelowOneIsRejectedBySchema() {
        assertEquals("repeat", assertThrows(ParameterException.class,
                () -> DatasetReading.open(dataset, Map.of("repeat", 0), 1)).key());
    }

    @Test
    void unknownSplitIsAnError() {
        Dataset.Data data = DatasetReading.open(dataset, Map.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> data.split("test"));
    }
}
