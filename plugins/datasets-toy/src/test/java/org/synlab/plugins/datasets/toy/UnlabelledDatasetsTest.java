package org.synlab.plugins.datasets.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Dataset;
import org.synlab.api.ParameterException;

/** The inputs-only generators: Gaussian data with a known covariance, and fixed patterns for selectivity. */
class UnlabelledDatasetsTest {

    @Test
    void gaussianIsUnlabelledWithOneFeaturePerStd() {
        Dataset.Data data = DatasetReading.open(new GaussianDataset(), Map.of("std", List.of(3.0, 2.0, 1.0)), 1);
        assertEquals(Dataset.Task.UNLABELLED, data.task());
        assertEquals(3, data.features());
        assertEquals(0, data.outputs());
        assertEquals(List.of(), data.outputNames());
        assertEquals(List.of("train"), data.splits());
        assertEquals(1000, data.split("train").size());
        // a read fills the inputs and leaves the target array alone
        float[] x = new float[3];
        float[] y = {7f, 7f};
        data.split("train").read(5, x, 0, y, 1);
        assertArrayEquals(new float[] {7f, 7f}, y);
        assertTrue(x[0] != 0f || x[1] != 0f || x[2] != 0f);
    }

    @Test
    void gaussianCovarianceIsTheRotatedEllipseAndTheSamplesFollowIt() {
        Dataset.Data data = DatasetReading.open(new GaussianDataset(),
                Map.of("std", List.of(2.0, 1.0), "rotation", 30.0, "samples", 40_000), 3);
        // R diag(4, 1) R^T for 30 degrees: 4 cos^2 + sin^2, (4 - 1) cos sin, 4 sin^2 + cos^2
        float[] c = data.groundTruth().get("covariance");
        double cos = Math.cos(Math.PI / 6);
        double sin = Math.sin(Math.PI / 6);
        assertArrayEquals(new float[] {(float) (4 * cos * cos + sin * sin), (float) (3 * cos * sin),
                (float) (3 * cos * sin), (float) (4 * sin * sin + cos * cos)}, c, 1e-6f);
        double[] sample = sampleCovariance(DatasetReading.inputs(data, "train"), 2);
        for (int i = 0; i < 4; i++) {
            // standard error of a covariance entry over 40,000 samples is below 0.03 here
            assertEquals(c[i], sample[i], 0.1, "covariance entry " + i + ": " + Arrays.toString(sample));
        }
    }

    @Test
    void gaussianRandomBasisKeepsTheSpectrumAndTurnsTheAxes() {
        double[] std = {5, 3, 2, 1.5, 1, 0.8, 0.6, 0.4, 0.2, 0.1};
        Dataset.Data data = DatasetReading.open(new GaussianDataset(),
                Map.of("std", Arrays.stream(std).boxed().toList(), "basis", "random", "samples", 20_000), 11);
        float[] c = data.groundTruth().get("covariance");
        int d = std.length;
        // an orthogonal change of basis keeps the trace (sum of std^2) and the Frobenius norm (sum of std^4)
        double trace = 0;
        double frobenius = 0;
        double offDiagonal = 0;
        for (int i = 0; i < d; i++) {
            trace += c[i * d + i];
            for (int j = 0; j < d; j++) {
                assertEquals(c[i * d + j], c[j * d + i], "symmetric at " + i + "," + j);
                frobenius += (double) c[i * d + j] * c[i * d + j];
                if (i != j) {
                    offDiagonal = Math.max(offDiagonal, Math.abs(c[i * d + j]));
                }
            }
        }
        assertEquals(Arrays.stream(std).map(s -> s * s).sum(), trace, 1e-4);
        assertEquals(Arrays.stream(std).map(s -> s * s * s * s).sum(), frobenius, 1e-2);
        assertTrue(offDiagonal > 1, "the axes are turned away from the features: largest off-diagonal " + offDiagonal);
        double[] sample = sampleCovariance(DatasetReading.inputs(data, "train"), d);
        for (int i = 0; i < d * d; i++) {
            assertEquals(c[i], sample[i], 0.6, "covariance entry " + i);
        }
        // the basis comes from the seed
        float[] other = DatasetReading.open(new GaussianDataset(),
                Map.of("std", Arrays.stream(std).boxed().toList(), "basis", "random", "samples", 10), 12)
                .groundTruth().get("covariance");
        assertFalse(Arrays.equals(c, other));
    }

    @Test
    void gaussianRejectsBadShapesNamingTheKey() {
        GaussianDataset gaussian = new GaussianDataset();
        assertEquals("std", assertThrows(ParameterException.class,
                () -> DatasetReading.open(gaussian, Map.of("std", List.of()), 1)).key());
        ParameterException negative = assertThrows(ParameterException.class,
                () -> DatasetReading.open(gaussian, Map.of("std", List.of(1.0, -2.0)), 1));
        assertEquals("std", negative.key());
        assertTrue(negative.getMessage().contains("-2.0") && negative.getMessage().contains("position 2"),
                negative.getMessage());
        assertEquals("rotation", assertThrows(ParameterException.class,
                () -> DatasetReading.open(gaussian, Map.of("std", List.of(1.0), "rotation", 10.0), 1)).key());
        assertEquals("rotation", assertThrows(ParameterException.class,
                () -> DatasetReading.open(gaussian, Map.of("basis", "random", "rotation", 10.0), 1)).key());
        assertEquals("basis", assertThrows(ParameterException.class,
                () -> DatasetReading.open(gaussian, Map.of("basis", "diagonal"), 1)).key());
    }

    @Test
    void patternsDriveTheirOwnBlockOverABackground() {
        Dataset.Data data = DatasetReading.open(new PatternsDataset(),
                Map.of("patterns", 3, "width", 2, "background", 0.25, "samples", 30), 5);
        assertEquals(Dataset.Task.UNLABELLED, data.task());
        assertEquals(6, data.features());
        assertEquals(0, data.outputs());
        float[] prototypes = data.groundTruth().get("patterns");
        assertArrayEquals(new float[] {
                1, 1, 0.25f, 0.25f, 0.25f, 0.25f,
                0.25f, 0.25f, 1, 1, 0.25f, 0.25f,
                0.25f, 0.25f, 0.25f, 0.25f, 1, 1}, prototypes);
        // without noise every sample is one of the patterns, each shown 10 times, in shuffled order
        float[] x = DatasetReading.inputs(data, "train");
        int[] shown = new int[3];
        int[] sequence = new int[30];
        for (int n = 0; n < 30; n++) {
            float[] row = Arrays.copyOfRange(x, n * 6, n * 6 + 6);
            int k = -1;
            for (int p = 0; p < 3; p++) {
                if (Arrays.equals(row, Arrays.copyOfRange(prototypes, p * 6, p * 6 + 6))) {
                    k = p;
                }
            }
            assertTrue(k >= 0, "sample " + n + " is no pattern: " + Arrays.toString(row));
            shown[k]++;
            sequence[n] = k;
        }
        assertArrayEquals(new int[] {10, 10, 10}, shown);
        int[] cyclic = new int[30];
        Arrays.setAll(cyclic, n -> n % 3);
        assertFalse(Arrays.equals(cyclic, sequence), "the order is shuffled");
    }

    @Test
    void patternNoiseIsSeededAndKeepsInputsNonNegative() {
        Map<String, Object> raw = Map.of("noise", 0.3, "samples", 400);
        Dataset.Data data = DatasetReading.open(new PatternsDataset(), raw, 9);
        float[] x = DatasetReading.inputs(data, "train");
        int zeros = 0;
        double sum = 0;
        for (float v : x) {
            assertTrue(v >= 0f, "input " + v);
            zeros += v == 0f ? 1 : 0;
            sum += v;
        }
        // background 0.1 with noise 0.3 falls below 0 (and is clipped) about 37% of the time
        assertTrue(zeros > x.length / 5, "clipped inputs: " + zeros + " of " + x.length);
        // the clean mean is (2 * 1 + 6 * 0.1) / 8 = 0.325; clipping raises a background input's mean from 0.1
        // to E max(0, N(0.1, 0.3^2)) = 0.1 Phi(1/3) + 0.3 phi(1/3) = 0.176, so the mean is 0.325 + 0.75 * 0.076
        assertEquals(0.382, sum / x.length, 0.02);
        assertArrayEquals(x, DatasetReading.inputs(DatasetReading.open(new PatternsDataset(), raw, 9), "train"));
    }

    @Test
    void patternsRejectLevelEqualToBackground() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> DatasetReading.open(new PatternsDataset(), Map.of("level", 0.5, "background", 0.5), 1));
        assertEquals("level", e.key());
        assertTrue(e.getMessage().contains("background"), e.getMessage());
    }

    private static double[] sampleCovariance(float[] x, int d) {
        int n = x.length / d;
        double[] c = new double[d * d];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i * d + j] += (double) x[s * d + i] * x[s * d + j];
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= n;
        }
        return c;
    }
}
