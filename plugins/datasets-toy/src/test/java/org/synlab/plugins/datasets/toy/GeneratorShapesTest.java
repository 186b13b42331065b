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

/** What each generator draws: the geometry and the labels it promises. */
class GeneratorShapesTest {

    @Test
    void blobsHaveTheirDefaultShapeAndCentresSeparationApart() {
        Dataset.Data data = DatasetReading.open(new BlobsDataset(), Map.of("features", 3, "samples", 4000), 5);
        assertEquals(Dataset.Task.BINARY, data.task());
        assertEquals(3, data.features());
        assertEquals(List.of("class"), data.outputNames());
        assertEquals(List.of("train", "test"), data.splits());
        assertEquals(3000, data.split("train").size());
        assertEquals(1000, data.split("test").size());

        float[][] xy = DatasetReading.read(data, "train");
        double[][] mean = new double[2][3];
        int[] count = new int[2];
        for (int i = 0; i < xy[1].length; i++) {
            int label = (int) xy[1][i];
            count[label]++;
            for (int f = 0; f < 3; f++) {
                mean[label][f] += xy[0][i * 3 + f];
            }
        }
        double distance2 = 0;
        for (int f = 0; f < 3; f++) {
            double m0 = mean[0][f] / count[0];
            double m1 = mean[1][f] / count[1];
            distance2 += (m1 - m0) * (m1 - m0);
            // centres lie on the diagonal: every coordinate of the positive centre is 2/sqrt(3)
            assertEquals(2 / Math.sqrt(3), m1, 0.1);
            assertEquals(-2 / Math.sqrt(3), m0, 0.1);
        }
        assertEquals(4.0, Math.sqrt(distance2), 0.1);
    }

    @Test
    void moonsWithoutNoiseLieOnTheirHalfCircles() {
        Dataset.Data data = DatasetReading.open(new MoonsDataset(), Map.of("noise", 0.0, "samples", 101), 5);
        assertEquals(2, data.features());
        assertEquals(List.of("moon"), data.outputNames());
        assertEquals(25, data.split("test").size());
        for (String split : data.splits()) {
            float[][] xy = DatasetReading.read(data, split);
            for (int i = 0; i < xy[1].length; i++) {
                double x = xy[0][2 * i];
                double y = xy[0][2 * i + 1];
                if (xy[1][i] == 0) {
                    assertEquals(1.0, Math.hypot(x, y), 1e-6, "outer moon: unit circle");
                    assertTrue(y >= -1e-6, "outer moon is the upper half");
                } else {
                    assertEquals(1.0, Math.hypot(x - 1, y - 0.5), 1e-6, "inner moon: unit circle around (1, 0.5)");
                    assertTrue(y <= 0.5 + 1e-6, "inner moon is the lower half");
                }
            }
        }
    }

    @Test
    void moonsSplitHalfAndHalfWithTheExtraPointOnTheInnerMoon() {
        Dataset.Data data = DatasetReading.open(new MoonsDataset(), Map.of("samples", 11, "test_fraction", 0.0), 5);
        float[] y = DatasetReading.targets(data, "train");
        double ones = 0;
        for (float v : y) {
            ones += v;
        }
        assertEquals(6, ones);
    }

    @Test
    void linearRegressionRecoversItsGroundTruthWithResidualsOfTheNoise() {
        Dataset.Data data = DatasetReading.open(new LinearRegressionDataset(), Map.of(), 42);
        assertEquals(Dataset.Task.REGRESSION, data.task());
        assertEquals(2, data.features());
        assertEquals(1, data.outputs());
        assertEquals(List.of("train"), data.splits());
        assertEquals(1000, data.split("train").size());
        float[] w = data.groundTruth().get("weights");
        float[] b = data.groundTruth().get("bias");
        assertArrayEquals(new float[] {2.0f, -3.4f}, w);
        assertArrayEquals(new float[] {4.2f}, b);

        float[][] xy = DatasetReading.read(data, "train");
        double sum = 0;
        double sum2 = 0;
        double x2 = 0;
        int n = xy[1].length;
        for (int i = 0; i < n; i++) {
            double residual = xy[1][i] - (xy[0][2 * i] * w[0] + xy[0][2 * i + 1] * w[1] + b[0]);
            sum += residual;
            sum2 += residual * residual;
            x2 += xy[0][2 * i] * xy[0][2 * i];
        }
        double mean = sum / n;
        double std = Math.sqrt(sum2 / n - mean * mean);
        assertEquals(0.01, std, 0.001);
        assertEquals(0.0, mean, 0.002);
        assertEquals(1.0, x2 / n, 0.15, "inputs are standard normal");
    }

    @Test
    void linearRegressionTakesItsFeaturesFromTheWeights() {
        Dataset.Data data = DatasetReading.open(new LinearRegressionDataset(),
                Map.of("weights", List.of(1.0, 2.0, 3.0), "bias", 0.0, "noise", 0.0, "samples", 10, "test_fraction", 0.2), 1);
        assertEquals(3, data.features());
        assertEquals(List.of("train", "test"), data.splits());
        float[][] xy = DatasetReading.read(data, "test");
        for (int i = 0; i < xy[1].length; i++) {
            double expected = xy[0][3 * i] + 2.0 * xy[0][3 * i + 1] + 3.0 * xy[0][3 * i + 2];
            assertEquals(expected, xy[1][i], 1e-5);
        }
    }

    @Test
    void groundTruthCannotBeChangedByItsReader() {
        Dataset.Data data = DatasetReading.open(new LinearRegressionDataset(), Map.of(), 1);
        data.groundTruth().get("weights")[0] = 99;
        assertEquals(2.0f, data.groundTruth().get("weights")[0]);
    }

    @Test
    void linearRegressionWithoutWeightsIsRejectedNamingTheKey() {
        assertEquals("weights", assertThrows(ParameterException.class,
                () -> DatasetReading.open(new LinearRegressionDataset(), Map.of("weights", List.of()), 1)).key());
    }

    @Test
    void multilabelTargetsFollowTheirRules() {
        Dataset.Data data = DatasetReading.open(new MultilabelDataset(), Map.of(), 9);
        assertEquals(3, data.features());
        assertEquals(List.of("label-a", "label-b", "label-c"), data.outputNames());
        assertEquals(800, data.split("train").size());
        assertEquals(200, data.split("test").size());
        float[][] xy = DatasetReading.read(data, "test");
        for (int i = 0; i < 200; i++) {
            float x1 = xy[0][3 * i];
            float x2 = xy[0][3 * i + 1];
            float x3 = xy[0][3 * i + 2];
            assertEquals(x1 + x2 > 0 ? 1f : 0f, xy[1][3 * i]);
            assertEquals(x2 - x3 > 0 ? 1f : 0f, xy[1][3 * i + 1]);
            assertEquals(x1 * x3 > 0 ? 1f : 0f, xy[1][3 * i + 2]);
        }
    }
}
