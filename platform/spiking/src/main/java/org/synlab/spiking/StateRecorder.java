package org.synlab.spiking;

import org.synlab.api.spiking.PopulationState;
import java.util.Arrays;
import java.util.List;

/**
 * Chosen state variables of chosen neurons, sampled every {@code every} steps: sample {@code s} is the state right
 * after the update of step {@code s·every} (spikes and resets of that step applied). Storage is reserved for a whole
 * run before it starts, and each simulation thread writes the neurons of its own range, so recording takes no lock
 * and allocates nothing during the run. Sample numbers are absolute; {@link #clear()} between runs drops the samples
 * held so far (after the caller has streamed them), so memory stays bounded over a long run made of chunks.
 */
public final class StateRecorder {

    private final String population;
    private final List<String> variables;
    private final int[] variableIndex;
    private final int[] neurons;
    private final int every;
    private float[] data = new float[0];
    private int samples;
    private int firstSample;

    StateRecorder(PopulationState state, List<String> variables, int[] neurons, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("record every " + every + " steps: must be >= 1");
        }
        this.population = state.name();
        this.variables = List.copyOf(variables);
        this.variableIndex = new int[this.variables.size()];
        for (int v = 0; v < variableIndex.length; v++) {
            variableIndex[v] = state.indexOf(this.variables.get(v));
            if (variableIndex[v] < 0) {
                throw new IllegalArgumentException("population " + population + " has no variable '"
                        + this.variables.get(v) + "'; it has " + state.variableNames());
            }
        }
        int[] sorted = Arrays.stream(neurons).sorted().distinct().toArray();
        for (int n : sorted) {
            if (n < 0 || n >= state.size()) {
                throw new IllegalArgumentException("population " + population + " has no neuron " + n);
            }
        }
        this.neurons = sorted;
        this.every = every;
    }

    /** Makes room for every sample of the steps before {@code endStep}. */
    void reserve(long endStep) {
        long needed = (sampleCount(endStep) - firstSample) * width();
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("state recorder of " + population + " would exceed 2^31 values");
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, (int) needed);
        }
    }

    /** Whether step {@code step} is sampled. */
    boolean due(long step) {
        return step % every == 0;
    }

    /** Copies the recorded neurons of {@code [from, to)} at {@code step}, which must be {@link #due}. */
    void write(long step, PopulationState state, int from, int to) {
        int first = lowerBound(from);
        int last = lowerBound(to);
        int base = (int) (step / every - firstSample) * width();
        for (int v = 0; v < variableIndex.length; v++) {
            float[] values = state.variable(variableIndex[v]);
            int row = base + v * neurons.length;
            for (int r = first; r < last; r++) {
                data[row + r] = values[neurons[r]];
            }
        }
    }

    /** Forgets the samples held so far (between runs); the next sample keeps its absolute number. */
    public void clear() {
        firstSample = samples;
    }

    /** Marks the samples of the steps before {@code endStep} as written. */
    void commit(long endStep) {
        samples = (int) sampleCount(endStep);
    }

    private long sampleCount(long endStep) {
        return (endStep + every - 1) / every;
    }

    private int width() {
        return variableIndex.length * neurons.length;
    }

    private int lowerBound(int neuron) {
        int index = Arrays.binarySearch(neurons, neuron);
        return index >= 0 ? index : -index - 1;
    }

    /** The population recorded. */
    public String population() {
        return population;
    }

    /** The variables recorded. */
    public List<String> variables() {
        return variables;
    }

    /** The neurons recorded, ascending. */
    public int[] neurons() {
        return neurons.clone();
    }

    /** The sampling interval in steps. */
    public int every() {
        return every;
    }

    /** The number of samples taken since the start, including cleared ones. */
    public int samples() {
        return samples;
    }

    /** The first sample still held: 0, or the sample count at the last {@link #clear()}. */
    public int firstSample() {
        return firstSample;
    }

    /** The step of sample {@code s}. */
    public long step(int s) {
        return (long) s * every;
    }

    /** The value of {@code variable} of {@code neuron} at sample {@code s}, a sample still held. */
    public float value(int s, String variable, int neuron) {
        if (s < firstSample || s >= samples) {
            throw new IndexOutOfBoundsException("sample " + s + " not in the held samples [" + firstSample + ", "
                    + samples + ")");
        }
        return data[(s - firstSample) * width() + variableSlot(variable) * neurons.length + neuronSlot(neuron)];
    }

    /** The trace of {@code variable} of {@code neuron}: one value per held sample, from {@link #firstSample()}. */
    public float[] trace(String variable, int neuron) {
        int offset = variableSlot(variable) * neurons.length + neuronSlot(neuron);
        float[] trace = new float[samples - firstSample];
        for (int s = 0; s < trace.length; s++) {
            trace[s] = data[s * width() + offset];
        }
        return trace;
    }

    private int variableSlot(String variable) {
        int v = variables.indexOf(variable);
        if (v < 0) {
            throw new IllegalArgumentException("variable '" + variable + "' is not recorded; recorded: " + variables);
        }
        return v;
    }

    private int neuronSlot(int neuron) {
        int r = Arrays.binarySearch(neurons, neuron);
        if (r < 0) {
            throw new IllegalArgumentException("neuron " + neuron + " of " + population + " is not recorded");
        }
        return r;
    }
}
