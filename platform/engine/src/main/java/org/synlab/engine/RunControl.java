package org.synlab.engine;

/**
 * Lets another thread stop a run. The run checks it between batches and stops with status
 * {@code failed} and the given reason.
 */
public final class RunControl {

    private volatile String cancelReason;

    /** Asks the run to stop; the first reason wins. */
    public void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
    }

    /** Null while the run may go on. */
    public String cancelReason() {
        return cancelReason;
    }

    public boolean cancelled() {
        return cancelReason != null;
    }
}
