package org.synlab.plugins.datasets.mnist;

import java.io.IOException;
import java.util.Map;
import org.synlab.api.Dataset;

/** Test helpers: open a dataset from raw parameters and read a split back into arrays. */
final class DatasetReading {

    private DatasetReading() {
    }

    static Dataset.Data open(Dataset dataset, Map<String, ?> raw) throws IOException {
        return dataset.open(dataset.parameters().validate(raw), 1);
    }

    /** {x, y} of a whole split, row-major. */
    static float[][] read(Dataset.Data data, String split) {
        Dataset.Split s = data.split(split);
        float[] x = new float[s.size() * data.features()];
        float[] y = new float[s.size() * data.outputs()];
        for (int i = 0; i < s.size(); i++) {
            s.read(i, x, i * data.features(), y, i * data.outputs());
        }
        return new float[][] {x, y};
    }

    /** The arg-max of each one-hot row of {@code y}. */
    static int[] labels(float[] y, int outputs) {
        int[] labels = new int[y.length / outputs];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int o = 1; o < outputs; o++) {
                if (y[i * outputs + o] > y[i * outputs + best]) {
                    best = o;
                }
            }
            labels[i] = best;
        }
        return labels;
    }
}
