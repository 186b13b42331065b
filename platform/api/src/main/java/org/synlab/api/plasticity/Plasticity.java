package org.synlab.api.plasticity;

/**
 * The state of one {@link SpikingRule} on one projection: event hooks that change the weights of its
 * {@link Synapses} in place. Times are step numbers ({@code long}); the state converts them with the {@code dt}
 * it was attached with, so the spike of step {@code t} happens at time {@code t * dt}.
 *
 * <h2>When the runtime calls each hook</h2>
 * Within time step {@code t}, after the neurons of every population have been updated (their spikes of step
 * {@code t} known) and after those spikes have been delivered:
 * <ol>
 * <li>{@link #preSpike} once for each presynaptic neuron that spiked in step {@code t}, in ascending neuron
 * order, with the range of its synapses;</li>
 * <li>{@link #postSpike} once for each postsynaptic neuron that spiked in step {@code t}, in ascending order;</li>
 * <li>{@link #reward} if the run has a reward for step {@code t};</li>
 * <li>{@link #endStep}, once, every step.</li>
 * </ol>
 * Consequences the rules rely on: a spike is delivered with the weight its synapse had <em>before</em> the
 * plasticity of its own step (Brian2's {@code on_pre: g += w} comes before the update of {@code w}); and a pre
 * and a post spike in the same step count as pre-before-post ({@code Δt = 0}: potentiation, no depression),
 * because the post hook runs second and sees the pre spike's trace.
 *
 * <p>{@link #beforePattern} runs between patterns: before the neuron update of the first step {@code t} of a new
 * input pattern (Diehl and Cook normalise before each image). {@link #settle} runs before the runtime reads,
 * records or saves the weights; the built-in rules keep every weight current and do nothing there, but a rule
 * that defers updates (NEST-style: potentiation applied lazily at the next presynaptic spike) must finish them.
 *
 * <p>The timing of a presynaptic spike is the step it was emitted, not the step it arrives after its delay.
 *
 * <h2>Threads</h2>
 * A state is used by one thread at a time and may keep mutable scratch. The runtime may attach one state per
 * thread slice of a projection (slices own disjoint postsynaptic ranges, so all incoming synapses of a neuron are
 * in one slice); it then calls {@link #postSpike} only for neurons of that slice (or for any neuron: a neuron
 * without synapses in the slice is ignored), and {@link #preSpike} with the slice's own range for that neuron.
 */
public interface Plasticity {

    /**
     * Presynaptic neuron {@code pre} spiked in step {@code step}; its synapses are {@code [begin, end)} (every
     * {@code s} in the range has {@code pre[s] == pre}; the range may be empty). Called once per spike.
     */
    void preSpike(int pre, int begin, int end, long step);

    /** Postsynaptic neuron {@code post} spiked in step {@code step}. */
    void postSpike(int post, long step);

    /**
     * The run's reward (or dopamine) signal for step {@code step}, in the rule's units (1 = the full reward).
     * Rules that are not reward-modulated ignore it.
     */
    default void reward(double value, long step) {
    }

    /** The end of step {@code step}. Rules that decay lazily, from last-update steps, need nothing here. */
    default void endStep(long step) {
    }

    /** A new pattern starts at step {@code step}: called before that step's neuron update. */
    default void beforePattern(long step) {
    }

    /** Brings every weight up to date at step {@code step}, before the runtime reads them. */
    default void settle(long step) {
    }
}
