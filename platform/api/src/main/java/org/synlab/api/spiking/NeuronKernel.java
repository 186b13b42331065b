package org.synlab.api.spiking;

import java.util.List;

/**
 * The neuron update of one population: advances a range of neurons by one time step. The runtime owns the state
 * (structure of arrays, see {@link PopulationState}) and calls the kernel once per step per thread on disjoint,
 * contiguous ranges, so a kernel must touch only neurons in {@code [from, to)} and keep no per-neuron state of its
 * own. A kernel is built for one time step {@code dt}: it may precompute its propagators from it.
 *
 * <p>Contract of {@link #update}:
 * <ul>
 *   <li>Before the call, every synaptic input arriving at step {@code step} is already in its projection's target
 *       variable (weights of one-step delays were added right after the previous step's update, longer delays
 *       are drained from their ring slot at the start of this step), and current inputs are written into their
 *       variables. The kernel integrates the sub-threshold dynamics over {@code [step·dt, (step+1)·dt)}, treating
 *       a target variable as the state it is (e.g. {@code ge} decays); the runtime only ever adds to it.</li>
 *   <li>It tests the threshold, and for each neuron that fires it applies the reset and the refractory period, and
 *       writes the neuron's index into {@code spiked}, in ascending order, starting at {@code spiked[0]}. It returns
 *       the number written. {@code spiked} has room for {@code to - from} entries.</li>
 *   <li>{@link PopulationState#refractory()} is a per-neuron counter the kernel owns: the convention is "steps of
 *       refractoriness still to serve", set on a spike and counted down by the kernel. The runtime only
 *       allocates it (zeroed).</li>
 *   <li>A kernel must not write a variable that a current input owns; it may read it.</li>
 *   <li>It must be deterministic: the same state in gives the same state and spikes out. If it needs noise it keys
 *       Philox by ({@code seed}, its own stream, {@code step}, neuron index), never by thread or call order.</li>
 *   <li>It must not allocate: it runs on the per-step hot path.</li>
 * </ul>
 */
public interface NeuronKernel {

    /** The names of the state variables, in the order of {@link PopulationState#variable(int)}. */
    List<String> variables();

    /**
     * Advances neurons {@code [from, to)} by one step and reports the ones that fired.
     *
     * @param state the population's state arrays
     * @param step the index of the step being computed (time {@code step * dt})
     * @param from first neuron, inclusive
     * @param to last neuron, exclusive
     * @param spiked where to write the indices of the neurons that fired, ascending, from index 0
     * @return how many neurons fired
     */
    int update(PopulationState state, long step, int from, int to, int[] spiked);
}
