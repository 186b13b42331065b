package org.synlab.api.spiking;

import java.util.List;
import java.util.Objects;

/**
 * The state of a population of spiking neurons as structure of arrays: one {@code float[]} per state variable, in
 * the order of the kernel's {@link NeuronKernel#variables()}, and one refractory counter per neuron. The arrays are
 * handed out directly because kernels run on the hot path; they are never reallocated.
 */
public final class PopulationState {

    private final String name;
    private final List<String> names;
    private final float[][] variables;
    private final int[] refractory;
    private final double dt;

    /** A zeroed state for {@code size} neurons with the given variables, stepped with {@code dt} milliseconds. */
    public PopulationState(String name, int size, List<String> variableNames, double dt) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("population " + name + ": negative size " + size);
        }
        this.names = List.copyOf(variableNames);
        this.variables = new float[names.size()][size];
        this.refractory = new int[size];
        this.dt = dt;
    }

    /** The population's name. */
    public String name() {
        return name;
    }

    /** The number of neurons. */
    public int size() {
        return refractory.length;
    }

    /** The time step in milliseconds. */
    public double dt() {
        return dt;
    }

    /** The variable names, in index order. */
    public List<String> variableNames() {
        return names;
    }

    /** The index of a variable, or -1 if the population has none of that name. */
    public int indexOf(String variable) {
        return names.indexOf(variable);
    }

    /** The values of variable {@code index}, one per neuron. */
    public float[] variable(int index) {
        return variables[index];
    }

    /** The values of the named variable, one per neuron. */
    public float[] variable(String variable) {
        int index = indexOf(variable);
        if (index < 0) {
            throw new IllegalArgumentException("population " + name + " has no variable '" + variable
                    + "'; it has " + names);
        }
        return variables[index];
    }

    /** The refractory counters, one per neuron (see {@link NeuronKernel} for the convention). */
    public int[] refractory() {
        return refractory;
    }
}
