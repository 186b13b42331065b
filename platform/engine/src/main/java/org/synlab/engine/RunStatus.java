package org.synlab.engine;

/** How a run ended. */
public enum RunStatus {
    FINISHED, FAILED;

    /** Lower-case, as in the JSON summary. */
    public String label() {
        return name().toLowerCase();
    }
}
