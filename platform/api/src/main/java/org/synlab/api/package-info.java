/**
 * The Synlab plugin SPI. A plugin bundle implements one or more of {@link org.synlab.api.Backend},
 * {@link org.synlab.api.NeuronModel}, {@link org.synlab.api.LearningRule}, {@link org.synlab.api.Loss}
 * and {@link org.synlab.api.Dataset}, and publishes each as an OSGi Declarative Services component
 * under that interface. Experiment files name parts by {@link org.synlab.api.Plugin#name()}.
 *
 * <p>Numbers cross this API as {@link org.synlab.api.Tensor} handles owned by the run's
 * {@link org.synlab.api.Compute}; a plugin never sees the memory behind a tensor, so the same
 * plugin runs on any backend.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api;
