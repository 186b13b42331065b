package org.synlab.host.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synlab.engine.Progress;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

/**
 * Runs of this host process: gives them ids, executes each on its own worker thread (never on a
 * Vert.x event loop), reports them on the event bus and in Micrometer, and cancels a run when a
 * plugin part it holds goes away.
 */
public final class RunManager implements PluginRegistry.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);

    private final RunEvents events;
    private final HostMetrics metrics;
    private final Duration stopWait;
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private final List<RunLifecycle> lifecycles = new CopyOnWriteArrayList<>();

    /**
     * @param stopWait how long a removal (or shutdown) waits for the runs it cancels to stop
     */
    public RunManager(RunEvents events, HostMetrics metrics, Duration stopWait) {
        this.events = events;
        this.metrics = metrics;
        this.stopWait = stopWait;
    }

    /** Adds a follower of every run started from now on (the run store's recorder). */
    public void addLifecycle(RunLifecycle lifecycle) {
        lifecycles.add(lifecycle);
    }

    /** A fresh id, {@code r-} and 8 hex digits, unique in this process. */
    public synchronized String newRunId() {
        while (true) {
            String id = "r-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            if (!runs.containsKey(id)) {
                runs.put(id, null);
                return id;
            }
        }
    }

    /**
     * Starts a run on a new worker thread. Subscribe to its events before calling this, with the
     * id from {@link #newRunId()}, to see them all.
     */
    public RunRecord start(String id, RunTask task) {
        RunRecord record = new RunRecord(id, task);
        synchronized (this) {
            if (runs.get(id) != null || !runs.containsKey(id)) {
                throw new IllegalArgumentException("not a fresh run id: " + id);
            }
            runs.put(id, record);
        }
        metrics.runStarted();
        events.started(id, task);
        tellFollowers(l -> l.started(id, task));
        Thread.ofPlatform().name("synlab-run-" + id).daemon(true).start(() -> execute(record));
        return record;
    }

    public synchronized Optional<RunRecord> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Every started run, oldest first. */
    public synchronized List<RunRecord> list() {
        return runs.values().stream().filter(r -> r != null).toList();
    }

    /** Asks a run to stop; false when there is no such run. */
    public boolean stop(String id, String reason) {
        Optional<RunRecord> record = find(id);
        record.ifPresent(r -> r.control().cancel(reason));
        return record.isPresent();
    }

    /**
     * Cancels the runs holding the part and waits for them to stop, so that the leaving bundle's
     * code is no longer running when its service goes.
     */
    @Override
    public void partRemoved(PluginPart part) {
        List<RunRecord> holders = new ArrayList<>();
        for (RunRecord record : list()) {
            if (record.running() && record.task().parts().contains(part.ref())) {
                holders.add(record);
            }
        }
        String reason = "plugin " + part.describe() + " was removed";
        holders.forEach(r -> {
            LOG.warn("cancelling run {}: {}", r.id(), reason);
            r.control().cancel(reason);
        });
        awaitStopped(holders);
    }

    /** Cancels every running run and waits (bounded) for them to stop. */
    @Override
    public void close() {
        List<RunRecord> running = list().stream().filter(RunRecord::running).toList();
        running.forEach(r -> r.control().cancel("the host is shutting down"));
        awaitStopped(running);
    }

    private void awaitStopped(List<RunRecord> records) {
        long deadline = System.nanoTime() + stopWait.toNanos();
        for (RunRecord record : records) {
            try {
                record.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warn("run {} did not stop within {} s", record.id(), stopWait.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("run {} ended abnormally", record.id(), e);
            }
        }
    }

    private void execute(RunRecord record) {
        RunTask task = record.task();
        long started = System.nanoTime();
        RunResult result;
        try {
            result = task.execute(new RunListener() {
                @Override
                public void progress(Progress progress) {
                    record.progress(progress);
                    metrics.progress(record.id(), progress.metrics());
                    events.progress(record.id(), progress);
                    tellFollowers(l -> l.progress(record.id(), progress));
                }

                @Override
                public void spikes(String population, int size, double dtMs, int[] steps, int[] neurons) {
                    events.spikes(record.id(), population, size, dtMs, steps, neurons);
                }

                @Override
                public void traces(String population, String variable, int firstSample, double sampleMs,
                                   int[] neurons, float[][] values) {
                    events.traces(record.id(), population, variable, firstSample, sampleMs, neurons, values);
                }

                @Override
                public void weights(String projection, long step, int rows, int cols, int width, float[] values) {
                    events.weights(record.id(), projection, step, rows, cols, width, values);
                }
            }, record.control());
        } catch (Throwable t) {
            // the engine reports failures in its result; this is a bug or a plugin's LinkageError
            LOG.error("run {} crashed", record.id(), t);
            result = new RunResult(RunStatus.FAILED, "internal error: " + t, Map.of(), List.of(),
                    (System.nanoTime() - started) / 1e9);
        }
        RunSummary summary = RunSummary.of(record.id(), task, result);
        metrics.runFinished(summary.status(), Duration.ofNanos(System.nanoTime() - started));
        metrics.forget(record.id());
        // queued for the store before the run counts as done, so a store flush after done() includes the end
        tellFollowers(l -> l.finished(summary));
        record.finish(summary);
        events.finished(summary);
    }

    /** A follower's failure is logged, never passed on to the run. */
    private void tellFollowers(Consumer<RunLifecycle> call) {
        for (RunLifecycle lifecycle : lifecycles) {
            try {
                call.accept(lifecycle);
            } catch (RuntimeException e) {
                LOG.warn("a run follower failed: {}", e.toString(), e);
            }
        }
    }
}
