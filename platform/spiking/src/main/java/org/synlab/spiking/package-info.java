/**
 * The spiking network runtime: a network described in PyNN's vocabulary ({@link org.synlab.spiking.NetworkSpec},
 * populations, projections, connectors, spike sources, current inputs), built into CSR synapses grouped by delay with
 * delay ring buffers, and simulated in fixed time steps by {@link org.synlab.spiking.Simulation}. Neuron dynamics are
 * not part of the runtime: each population brings a {@link org.synlab.api.spiking.NeuronKernel}, hand-written or
 * generated from equations by a backend ({@code Compute.neurons}). Projections may be plastic: a
 * {@link org.synlab.spiking.PlasticityFactory} (usually a {@link org.synlab.api.plasticity.SpikingRule} with its
 * parameters) attaches one rule state per thread slice, and the step loop calls its hooks only for the neurons that
 * spiked.
 *
 * <p>Units: times and {@code dt} in milliseconds, rates in hertz; weights and state values in whatever units the
 * kernel's equations use. All randomness comes from Philox streams keyed by (seed, stream, index), so a network and
 * its run are a pure function of the seed, whatever the thread count.
 */
package org.synlab.spiking;

