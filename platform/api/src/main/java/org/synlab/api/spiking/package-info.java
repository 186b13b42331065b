/**
 * What a backend compiles a spiking neuron model into, and the population state it steps: the
 * contract between a backend's generated neuron code and the spiking runtime that schedules it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api.spiking;
