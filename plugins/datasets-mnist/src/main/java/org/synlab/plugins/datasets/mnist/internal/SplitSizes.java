package org.synlab.plugins.datasets.mnist.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;

/**
 * The {@code train_size} and {@code test_size} parameters: use only the first N images of each split,
 * for quick runs and CI. A test size of 0 leaves the test split out.
 */
public final class SplitSizes {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String TRAIN_SIZE = "train_size";
    public static final String TEST_SIZE = "test_size";

    private SplitSizes() {
    }

    /** The two parameters, defaulting to the whole splits. */
    public static ParamSchema schema(int trainImages, int testImages) {
        return ParamSchema.builder()
                .integer(TRAIN_SIZE, (long) trainImages, 1L, (long) trainImages,
                        "use the first N images of the train split (all " + trainImages + " by default)")
                .integer(TEST_SIZE, (long) testImages, 0L, (long) testImages,
                        "use the first N images of the test split (all " + testImages + " by default; 0 leaves it out)")
                .build();
    }

    /** {@code train}, then {@code test} unless its size is 0, each cut to its parameter. */
    public static Map<String, ImageSplit> cut(Params params, ImageSplit train, ImageSplit test) {
        Map<String, ImageSplit> splits = new LinkedHashMap<>();
        splits.put(TRAIN, train.first(size(params, TRAIN_SIZE, train)));
        int testSize = size(params, TEST_SIZE, test);
        if (testSize > 0) {
            splits.put(TEST, test.first(testSize));
        }
        return splits;
    }

    private static int size(Params params, String key, ImageSplit split) {
        long wanted = params.integer(key);
        if (wanted > split.size()) {
            throw new ParameterException(key, "parameter '" + key + "' is " + wanted + " but the data has only "
                    + split.size() + " images in that split");
        }
        return (int) wanted;
    }
}
