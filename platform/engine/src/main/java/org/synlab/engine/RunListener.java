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

    /** Bounds one {@link #spikes} call (a few hundred kilobytes on the bus), however busy the network. */
    int MAX_SPIKES_PER_CALL = 50_000;

    RunListener NONE = new RunListener() {
    };
}
