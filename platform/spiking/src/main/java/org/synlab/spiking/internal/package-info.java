/**
 * The implementation of the spiking runtime: random draws, connector construction, CSR synapse storage grouped by
 * delay, delay ring buffers, spike generators, the work partition and the step barrier. Nothing here is API.
 */
package org.synlab.spiking.internal;
