package org.synlab.api;

/**
 * A compute backend: owns the memory of tensors and executes the operations of {@link Compute}.
 * Register it as a DS component with {@code service = Backend.class}.
 */
public interface Backend extends Plugin {

    /** Whether it can run here; checked before a run starts. */
    Availability availability();

    /** Opens a context for one run. The run closes it when it ends, freeing every tensor. */
    Compute open(ComputeConfig config);
}
