package org.synlab.engine.internal;

import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;

/**
 * A validated run of either kind, ready to execute once: a rate network trained by {@link Trainer}
 * ({@link RunPlan}) or a spiking network simulated in time steps
 * ({@link org.synlab.engine.internal.spiking.SpikingPlan}).
 */
public interface Plan {

    /** The backend's name. */
    String backendName();

    /**
     * Runs to the end on the calling thread. Never throws for what happens inside the run: an
     * exception from a plugin or a cancellation gives status {@code failed} with the reason.
     */
    RunResult execute(RunListener listener, RunControl control);
}
