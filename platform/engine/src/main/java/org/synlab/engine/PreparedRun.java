package org.synlab.engine;

import java.util.Set;
import org.synlab.engine.internal.Plan;

/** A validated experiment with its plugin parts resolved, ready to execute once. */
public final class PreparedRun {

    private final Experiment experiment;
    private final Plan plan;
    private final Set<PartRef> parts;

    PreparedRun(Experiment experiment, Plan plan, Set<PartRef> parts) {
        this.experiment = experiment;
        this.plan = plan;
        this.parts = Set.copyOf(parts);
    }

    public Experiment experiment() {
        return experiment;
    }

    /** The backend's name. */
    public String backend() {
        return plan.backendName();
    }

    /** Every plugin part the run holds; losing one of them should cancel the run. */
    public Set<PartRef> parts() {
        return parts;
    }

    /**
     * Runs to the end on the calling thread. Never throws for what happens inside the run: a
     * divergence to NaN, an exception from a plugin or a cancellation gives status {@code failed}
     * with the reason.
     */
    public RunResult execute(RunListener listener, RunControl control) {
        return plan.execute(listener, control);
    }
}
