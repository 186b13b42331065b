package org.synlab.host.internal;

import org.synlab.engine.Progress;

/**
 * Follows every run of the {@link RunManager} directly, not through the event bus: the bus has no
 * wildcard addresses, and a recorder must see a run's start before its first progress report.
 * {@link #started} is called on the thread that starts the run, before the run's own thread exists;
 * {@link #progress} and {@link #finished} on the run's thread, so implementations must return
 * quickly and never block on I/O.
 */
public interface RunLifecycle {

    void started(String runId, RunTask task);

    void progress(String runId, Progress progress);

    void finished(RunSummary summary);
}
