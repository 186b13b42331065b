package org.synlab.plugins.datasets.toy;

import java.io.IOException;
import java.util.Map;
import org.synlab.api.Dataset;

/** Test helpers: open a dataset from raw parameters and read a split back into arrays. */
final class DatasetReading {

    private DatasetReading() {
    }

    static Dataset.Data open(Dataset dataset, Map<String, ?> raw, long seed) {
        try {
            return dataset.open(dataset.parameters().validate(raw), seed);
        } catch (IOException e) {
            throw new AssertionError("generated data never needs files", e);
        }
    }

    static float[] inputs(Dataset.Data data, String split) {
        return read(data, split)[0];
    }

    static float[] targets(Dataset.Data data, String split) {
        return read(data, split)[1];
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
}
