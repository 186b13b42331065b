/**
 * Spike-based plasticity: the small SPI through which the spiking runtime lets a
 * {@link org.synlab.api.plasticity.SpikingRule} change the weights of one projection while a network runs.
 *
 * <p>The runtime owns the synapses as plain arrays ({@link org.synlab.api.plasticity.Synapses}: weights in CSR
 * order by presynaptic neuron, the pre and post neuron of each synapse). A rule
 * {@linkplain org.synlab.api.plasticity.SpikingRule#attach attaches} to them and gets back a
 * {@link org.synlab.api.plasticity.Plasticity}: a per-projection state whose hooks the runtime calls only where
 * events happen (a presynaptic spike, a postsynaptic spike, a reward, a new pattern), so a silent synapse costs
 * nothing. {@link org.synlab.api.plasticity.Plasticity} documents exactly when, and in which order, each hook is
 * called within a time step.
 *
 * <p>Rate-network local rules (Hebb, Oja, BCM) do not use this package: they are
 * {@link org.synlab.api.LocalRule}s over tensors.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api.plasticity;
