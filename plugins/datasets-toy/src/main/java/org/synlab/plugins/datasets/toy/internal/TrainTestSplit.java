package org.synlab.plugins.datasets.toy.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synlab.api.Dataset;
import org.synlab.api.ParameterException;

/**
 * Cuts generated samples into {@code train} and, when {@code test_fraction > 0}, {@code test}. The
 * samples are expected to be shuffled already, so the cut is a random partition.
 */
public final class TrainTestSplit {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String TEST_FRACTION = "test_fraction";

    private TrainTestSplit() {
    }

    /**
     * Checks, before anything is generated, that both splits would have samples.
     *
     * @throws ParameterException naming {@code test_fraction} when a split would be empty
     */
    public static int testSize(int samples, double testFraction) {
        int test = (int) Math.round(samples * testFraction);
        if (testFraction > 0 && test == 0) {
            throw new ParameterException(TEST_FRACTION, "test_fraction " + testFraction + " of " + samples
                    + " samples leaves the test split empty; raise samples or test_fraction, or set it to 0");
        }
        if (test >= samples) {
            throw new ParameterException(TEST_FRACTION, "test_fraction " + testFraction + " of " + samples
                    + " samples leaves the train split empty; lower test_fraction");
        }
        return test;
    }

    /** The training split first (the SPI's convention), then the test split if it has samples. */
    public static Map<String, Dataset.Split> split(SampleTable samples, double testFraction) {
        int test = testSize(samples.size(), testFraction);
        int train = samples.size() - test;
        Map<String, Dataset.Split> splits = new LinkedHashMap<>();
        splits.put(TRAIN, samples.rows(0, train));
        if (test > 0) {
            splits.put(TEST, samples.rows(train, samples.size()));
        }
        return splits;
    }
}
