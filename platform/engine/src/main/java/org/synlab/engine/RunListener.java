package org.synlab.engine;

/** Receives a run's events on the run's own thread; implementations must return quickly. */
public interface RunListener {

    default void progress(Progress progress) {
    }

    /**
     * The spikes of one population over the chunk just simulated, for live views (a raster): spike
     * {@code k} is neuron {@code neurons[k]} at step {@code steps[k]}, steps of {@code dtMs}
     * milliseconds from the start of the run. At most {@link #MAX_SPIKES_PER_CALL} per call, the first
     * ones of the chunk; the arrays belong to the listener.
     */
    default void spikes(String population, int size, double dtMs, int[] steps, int[] neurons) {
    }

    /**
     * A chunk's samples of one recorded state variable: row i holds neuron {@code neurons[i]}'s
     * values of consecutive samples, {@code sampleMs} milliseconds apart, the first at sample index
     * {@code firstSample} (time {@code firstSample * sampleMs}). The arrays belong to the listener.
     */
    default void traces(String population, String variable, int firstSample, double sampleMs, int[] neurons,
                        float[][] values) {
    }

    /**
     * The weights of a plastic projection as they are now, for live views (receptive fields): row
     * {@code r} is postsynaptic neuron {@code r}'s incoming weights, {@code values[r * cols .. (r + 1) *
     * cols - 1]} by presynaptic neuron; {@code width} is the width of the image a row forms (28 for
     * MNIST pixels), 0 if it forms none. The array belongs to the listener.
     */
    default void weights(String projection, long step, int rows, int cols, int width, float[] values) {
    }

    /** Bounds one {@link #spikes} call (a few hundred kilobytes on the bus), however busy the network. */
    int MAX_SPIKES_PER_CALL = 50_000;

    RunListener NONE = new RunListener() {
    };
}
