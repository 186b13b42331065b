/**
 * Spiking experiments: reading the PyNN-style vocabulary of an experiment file into a
 * {@link org.synlab.engine.internal.spiking.SpikingPlan}, and running it on the spiking runtime
 * ({@code org.synlab.spiking}) with neuron kernels compiled by the run's backend.
 *
 * <p>The vocabulary, key by key (every quantity is a string with its unit, checked against the unit
 * the key needs; a bare number only where the quantity is dimensionless):
 * <pre>
 * simulation: {dt: 0.1 ms, duration: 1 s, chunk: 100 ms}
 * models:                                    # optional, declared models (SpikingModelReader's keys)
 *   &lt;name&gt;: {equations, threshold, reset, refractory, method, parameters, initial}
 * network:
 *   populations:
 *     &lt;name&gt;: {size, neuron, params, initial}
 *   sources:
 *     &lt;name&gt;: {poisson: 20 Hz, size: 100} | {poisson: [5 Hz, 10 Hz]} | {spike_times: [[10 ms], [5 ms, 20 ms]]}
 *           | {current: 0.5 nA | {steps: [[t, amp], ...]} | {per_neuron: [...] | {linspace: [a, b]}},
 *              population, variable (default I)}
 *           | {noise: {mean, sd, every}, population, variable (default I)}
 *   projections:
 *     - {pre, post, connector: all_to_all | one_to_one | {fixed_probability: p} | {fixed_indegree: k},
 *        allow_self (default true), target, sign: excitatory | inhibitory, weight, delay (default dt), name}
 * record:
 *   spikes: [populations] | all              # per-neuron rates, spike times of small populations
 *   state: [{population, variables, neurons, every}]
 *   rates: {populations, bin: 1 ms}
 * </pre>
 * A per-neuron value (an initial value, a per-neuron parameter) is a quantity, {@code {uniform: [a, b]}},
 * {@code {normal: [mean, sd]}}, a list with one quantity per neuron, or {@code {expr: "..."}}, an
 * expression of {@code r}, one uniform draw per neuron shared by the population's expressions. Weights
 * and delays are a quantity or a distribution. Errors name the file and the dotted key, and an
 * equation error in a declared model keeps its line and column.
 *
 * <p>What a run reports: {@code sim.bio_seconds}, {@code sim.wall_seconds} (the step loop only),
 * {@code setup_seconds} (kernels compiled, a throwaway warm-up copy of the network stepped for up
 * to 2,000 steps, {@code warm_up_seconds} of it, and the network built), {@code sim.spikes} (of the model
 * populations), {@code sim.synaptic_events}, {@code sim.synapses}, {@code sim.neurons},
 * {@code sim.threads}, {@code sim.events_per_second}, {@code rate_hz} and, per population,
 * {@code rate_hz.<population>} and {@code cv_isi.<population>}; with {@code record.rates},
 * {@code rhythm_hz.<population>} (the strongest peak of the binned rate's spectrum, 2 to 200 Hz).
 * Recorded series go into the run's history: {@code neuron_rate_hz.<population>},
 * {@code spike_times_ms.<population>.<neuron>}, {@code state.<population>.<variable>.<neuron>} (SI)
 * and {@code population_rate_hz.<population>}, each capped so that memory stays bounded.
 */
package org.synlab.engine.internal.spiking;
