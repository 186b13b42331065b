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
        REGRESSION,
        /**
         * Inputs only: {@link Data#outputs()} is 0 and a split's reads leave the target array alone.
         * Unsupervised local rules (Hebb, Oja, BCM) train on such data; there is no loss and no
         * accuracy, and the output layer may have any number of units.
         */
        UNLABELLED
    }

    /** Opened data: its shape and its named splits. */
    interface Data {
        Task task();

        /** Numbers per input sample. */
        int features();

        /** Numbers per target; 0 for {@link Task#UNLABELLED} data. */
        int outputs();

        /** Split names, e.g. {@code train}, {@code test}; the first is the training split. */
        List<String> splits();

        Split split(String name);

        /** Names of the outputs (classes or binary targets), {@link #outputs()} of them. */
        List<String> outputNames();

        /**
         * Parameters of the process that generated synthetic data, so a run can report how well it
         * recovered them. The rate engine reads these keys (others are ignored):
         * <ul>
         *   <li>{@code weights} {@code [features * units]} and {@code bias} {@code [units]}: a linear
         *       model's; a one-layer network reports {@code truth.weights_max_abs_error} and
         *       {@code truth.bias_max_abs_error}.</li>
         *   <li>{@code covariance} {@code [features * features]}, row-major: the covariance of the
         *       inputs; the run reports how close each unit of the first layer came to its first
         *       principal component ({@code truth.pc1_cosine}) and the weight norms.</li>
         *   <li>{@code patterns} {@code [K * features]}: K prototype inputs the samples are drawn
         *       around; the run reports each output unit's response to each of them, the pattern it
         *       prefers and how selective it is ({@code patterns.*}).</li>
         * </ul>
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
