package org.synlab.host.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;

/** One run of this host process: what it runs, how far it got, and how it ended. */
public final class RunRecord {

    public static final String RUNNING = "running";

    private final String id;
    private final RunTask task;
    private final RunControl control = new RunControl();
    private final CompletableFuture<RunSummary> done = new CompletableFuture<>();
    private volatile Progress lastProgress;

    RunRecord(String id, RunTask task) {
        this.id = id;
        this.task = task;
    }

    public String id() {
        return id;
    }

    public String experiment() {
        return task.experiment();
    }

    RunTask task() {
        return task;
    }

    RunControl control() {
        return control;
    }

    /** {@code running}, then {@code finished} or {@code failed}. */
    public String status() {
        RunSummary summary = done.getNow(null);
        return summary == null ? RUNNING : summary.status();
    }

    /** Why the run failed; null while running and when it finished. */
    public String reason() {
        RunSummary summary = done.getNow(null);
        return summary == null ? null : summary.reason();
    }

    public boolean running() {
        return !done.isDone();
    }

    /** The last epoch reported, 0 before the first report. */
    public int epoch() {
        Progress p = lastProgress;
        return p == null ? 0 : p.epoch();
    }

    public int epochs() {
        Progress p = lastProgress;
        return p == null ? 0 : p.epochs();
    }

    /** The latest metrics: the final ones once the run has ended, else the last progress report's. */
    public Map<String, Double> metrics() {
        RunSummary summary = done.getNow(null);
        if (summary != null) {
            return summary.metrics();
        }
        Progress p = lastProgress;
        return p == null ? Map.of() : p.metrics();
    }

    /** Completes with the summary when the run has ended. */
    public CompletableFuture<RunSummary> done() {
        return done;
    }

    void progress(Progress progress) {
        lastProgress = progress;
    }

    void finish(RunSummary summary) {
        done.complete(summary);
    }
}
