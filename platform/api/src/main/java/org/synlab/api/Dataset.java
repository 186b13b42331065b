package org.synlab.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A dataset. Register it as a DS component with {@code service = Dataset.class}. Datasets are
 * seeded: the same parameters and seed give the same samples.
 */
public interface Dataset extends Plugin {

    /**
     * Loads or generates the data.
     *
     * @throws IOException when a data file is missing or corrupt; the message says how to get it
     */
    Data open(Params params, long seed) throws IOException;

    /** What kind of targets the data has; decides how accuracy is measured. */
    enum Task {
        /** One or more 0/1 targets per sample; accuracy thresholds outputs at 0.5. */
        BINARY,
        /** One-hot targets; accuracy compares the arg-max. */
        MULTICLASS,
        /** Real-valued targets; no accuracy. */
        REGRESSION
    }

    /** Opened data: its shape and its named splits. */
    interface Data {
        Task task();

        /** Numbers per input sample. */
        int features();

        /** Numbers per target. */
        int outputs();

        /** Split names, e.g. {@code train}, {@code test}; the first is the training split. */
        List<String> splits();

        Split split(String name);

        /** Names of the outputs (classes or binary targets), {@link #outputs()} of them. */
        List<String> outputNames();

        /**
         * Parameters of the process that generated synthetic data (e.g. {@code weights} and
         * {@code bias} of a linear model), so a run can report how well it recovered them.
         */
        default Map<String, float[]> groundTruth() {
            return Map.of();
        }
    }

    /** One split. */
    interface Split {
        int size();

        /** Copies sample {@code index} into {@code x[xOffset...]} and its target into {@code y[yOffset...]}. */
        void read(int index, float[] x, int xOffset, float[] y, int yOffset);
    }
}
