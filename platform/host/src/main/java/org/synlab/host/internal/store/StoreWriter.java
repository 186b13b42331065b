package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the run store on its own thread. Callers (the run threads) only put a record on an
 * unbounded queue, which never blocks and never touches the disk; the writer drains the queue and
 * commits what it took in one transaction, the points of each metric as one {@link MetricChunk}
 * row. Metric points wait up to {@link #LINGER_MILLIS} so that a run reporting every few
 * microseconds costs one commit per interval, not one per step; a run's start and end are
 * committed at once, since they are what a crash must not lose.
 */
final class StoreWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    /** How long metric points may wait for company before they are committed. */
    static final long LINGER_MILLIS = 200;
    /**
     * Operations per transaction at most, so one commit stays short (and a chunk's text far below
     * the 1,000,000 characters of an H2 VARCHAR: about 25 characters a point).
     */
    static final int MAX_BATCH = 5_000;
    /**
     * Writes waiting at most (tens of MB). Only a store that stopped answering fills it; past this
     * the newest writes are dropped and counted rather than the run's memory exhausted.
     */
    static final int CAPACITY = 200_000;
    private static final long CLOSE_WAIT_SECONDS = 10;
    /** Tries per transaction; the pauses between them grow by {@link #RETRY_PAUSE_MILLIS} each. */
    static final int ATTEMPTS = 3;
    static final long RETRY_PAUSE_MILLIS = 1_000;

    /** Makes every writer commit what it has now; completes when that is done. */
    private record Flush(CompletableFuture<Void> done) {
    }

    private record Stop() {
    }

    private record ChunkKey(String runId, String metric) {
    }

    private final ConnectionSource connections;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final AtomicLong committedPoints = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private Connection connection;
    private volatile boolean closed;

    /** Something that opens a connection to the store, e.g. again after the store's server moved. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    StoreWriter(ConnectionSource connections) {
        this.connections = connections;
        this.thread = Thread.ofPlatform().name("synlab-store-writer").daemon(true).unstarted(this::loop);
        thread.start();
    }

    /** Queues a {@link RunStart}, {@link MetricPoints} or {@link RunEnd}; never blocks. */
    void submit(Object write) {
        if (!(write instanceof RunStart || write instanceof MetricPoints || write instanceof RunEnd)) {
            throw new IllegalArgumentException("not a store write: " + write);
        }
        if (closed) {
            LOG.warn("the run store is closed; dropped {}", write.getClass().getSimpleName());
            return;
        }
        if (!queue.offer(write) && dropped.getAndIncrement() % CAPACITY == 0) {
            LOG.warn("the run store is {} writes behind and drops new ones ({} so far); is the database reachable?",
                    CAPACITY, dropped.get());
        }
    }

    /** Waits until everything submitted before this call is committed (bounded). */
    void flush(long timeoutMillis) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!queue.offer(new Flush(done), timeoutMillis, TimeUnit.MILLISECONDS)) {
            LOG.warn("the run store did not catch up within {} ms", timeoutMillis);
            return;
        }
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the run store did not catch up within {} ms", timeoutMillis);
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("flushing the run store failed", e.getCause());
        }
    }

    long committedPoints() {
        return committedPoints.get();
    }

    long commits() {
        return commits.get();
    }

    private void loop() {
        List<Object> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                batch.add(queue.take());
                linger(batch);
            } catch (InterruptedException e) {
                // close() interrupts only after the stop marker; write what was taken and end
                stop = true;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            List<CompletableFuture<Void>> flushed = new ArrayList<>();
            List<Object> writes = new ArrayList<>(batch.size());
            for (Object op : batch) {
                switch (op) {
                    case Flush f -> flushed.add(f.done());
                    case Stop _ -> stop = true;
                    default -> writes.add(op);
                }
            }
            if (!writes.isEmpty()) {
                commit(writes);
            }
            flushed.forEach(f -> f.complete(null));
        }
        closeConnection();
    }

    /**
     * Lets points gather before they are committed. The writer sleeps rather than waiting on the
     * queue: a consumer blocked on the queue is woken by every offer, which at thousands of steps a
     * second costs the run threads a futex call and a context switch each; a sleeping one costs them
     * nothing, and the queue fills without signalling.
     */
    private void linger(List<Object> batch) throws InterruptedException {
        // a writer that is behind commits at once: a full batch is waiting
        if (batch.getFirst() instanceof MetricPoints && queue.size() < MAX_BATCH) {
            Thread.sleep(LINGER_MILLIS);
        }
    }

    /**
     * One transaction, tried up to {@link #ATTEMPTS} times on a fresh connection each: with H2's
     * AUTO_SERVER the process that served the file may have exited (or been killed, leaving a lock
     * that takes a few seconds to be judged stale), and this process must take the file over. After
     * that the batch is dropped and logged; the run goes on either way.
     */
    private void commit(List<Object> writes) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                if (connection == null) {
                    connection = connections.open();
                    connection.setAutoCommit(false);
                }
                long points = write(connection, writes);
                connection.commit();
                committedPoints.addAndGet(points);
                commits.incrementAndGet();
                return;
            } catch (SQLException e) {
                LOG.debug("run store write failed (attempt {})", attempt, e);
                closeConnection();
                if (attempt == ATTEMPTS) {
                    LOG.warn("the run store lost {} writes: {}", writes.size(), e.getMessage());
                } else if (!pause(RETRY_PAUSE_MILLIS * attempt)) {
                    return;
                }
            }
        }
    }

    /** False when interrupted (the store is closing). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long write(Connection c, List<Object> writes) throws SQLException {
        long points = 0;
        // a batch's points become one chunk per run and metric, written before that run's end
        Map<ChunkKey, MetricChunk> chunks = new LinkedHashMap<>();
        try (PreparedStatement insertRun = c.prepareStatement("""
                INSERT INTO runs (id, experiment, file, config, overrides, seed, backend, git_commit, started_ms,
                  status, owner_host, owner_pid, owner_start_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)""");
             PreparedStatement insertPlugin = c.prepareStatement(
                     "INSERT INTO run_plugins (run_id, kind, name, bundle, bundle_version) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement insertChunk = c.prepareStatement("""
                     INSERT INTO metric_chunks (run_id, name, first_step, last_step, points, min_value, max_value,
                       last_value, last_wall_ms, steps, wall_ms, metric_values)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement endRun = c.prepareStatement(
                     "UPDATE runs SET status = ?, reason = ?, ended_ms = ?, wall_seconds = ?, notes = ? WHERE id = ?");
             PreparedStatement insertMetric = c.prepareStatement(
                     "INSERT INTO run_metrics (run_id, name, metric_value) VALUES (?, ?, ?)");
             PreparedStatement insertArtifact = c.prepareStatement(
                     "INSERT INTO artifacts (run_id, kind, path) VALUES (?, ?, ?)")) {
            // in order: a run's start before its points, its points before its end
            for (Object op : writes) {
                switch (op) {
                    case RunStart s -> startRun(insertRun, insertPlugin, s);
                    case MetricPoints p -> {
                        for (Map.Entry<String, Double> e : p.values().entrySet()) {
                            chunks.computeIfAbsent(new ChunkKey(p.runId(), e.getKey()),
                                    k -> new MetricChunk(p.runId(), e.getKey())).add(p.step(), p.wallMillis(), e.getValue());
                            points++;
                        }
                    }
                    case RunEnd end -> {
                        writeChunks(insertChunk, chunks);
                        endRun(endRun, insertMetric, insertArtifact, end);
                    }
                    default -> throw new IllegalStateException("not a store write: " + op);
                }
            }
            writeChunks(insertChunk, chunks);
        }
        return points;
    }

    private static void writeChunks(PreparedStatement insert, Map<ChunkKey, MetricChunk> chunks) throws SQLException {
        if (chunks.isEmpty()) {
            return;
        }
        for (MetricChunk chunk : chunks.values()) {
            insert.setString(1, chunk.runId());
            insert.setString(2, chunk.metric());
            insert.setLong(3, chunk.firstStep());
            insert.setLong(4, chunk.lastStep());
            insert.setInt(5, chunk.points());
            setNumber(insert, 6, chunk.min());
            setNumber(insert, 7, chunk.max());
            setNumber(insert, 8, chunk.last());
            insert.setLong(9, chunk.lastWallMillis());
            insert.setString(10, chunk.steps());
            insert.setString(11, chunk.wallMillis());
            insert.setString(12, chunk.values());
            insert.addBatch();
        }
        insert.executeBatch();
        chunks.clear();
    }

    private static void startRun(PreparedStatement run, PreparedStatement plugin, RunStart s) throws SQLException {
        run.setString(1, s.id());
        run.setString(2, s.experiment());
        run.setString(3, s.file());
        run.setString(4, s.config());
        run.setString(5, String.join("\n", s.overrides()));
        run.setLong(6, s.seed());
        run.setString(7, s.backend());
        run.setString(8, s.gitCommit());
        run.setLong(9, s.startedMillis());
        run.setString(10, s.owner().host());
        run.setLong(11, s.owner().pid());
        run.setLong(12, s.owner().startMillis());
        run.executeUpdate();
        for (PluginUse use : s.plugins()) {
            plugin.setString(1, s.id());
            plugin.setString(2, use.kind());
            plugin.setString(3, use.name());
            plugin.setString(4, use.bundle());
            plugin.setString(5, use.version());
            plugin.addBatch();
        }
        plugin.executeBatch();
    }

    private static void endRun(PreparedStatement run, PreparedStatement metric, PreparedStatement artifact, RunEnd end)
            throws SQLException {
        run.setString(1, end.status());
        run.setString(2, end.reason());
        run.setLong(3, end.endedMillis());
        run.setDouble(4, end.wallSeconds());
        run.setString(5, end.notes().isEmpty() ? null : String.join("\n", end.notes()));
        run.setString(6, end.id());
        run.executeUpdate();
        for (Map.Entry<String, Double> e : end.metrics().entrySet()) {
            metric.setString(1, end.id());
            metric.setString(2, e.getKey());
            setNumber(metric, 3, e.getValue());
            metric.addBatch();
        }
        metric.executeBatch();
        for (Artifact a : end.artifacts()) {
            artifact.setString(1, end.id());
            artifact.setString(2, a.kind());
            artifact.setString(3, a.path());
            artifact.addBatch();
        }
        artifact.executeBatch();
    }

    /** NaN and infinities become NULL: not every database stores them, and they read back as NaN. */
    private static void setNumber(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the run store connection failed", e);
            }
            connection = null;
        }
    }

    /** Commits everything queued, then ends the thread (bounded wait). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!queue.offer(new Stop(), CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the run store writer is stuck; {} writes are not committed", queue.size());
                thread.interrupt();
                return;
            }
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            if (thread.isAlive()) {
                LOG.warn("the run store writer did not finish within {} s", CLOSE_WAIT_SECONDS);
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
