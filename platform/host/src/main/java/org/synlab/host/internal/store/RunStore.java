package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run store: every run with its experiment as run, plugins, status, final metrics, step-indexed
 * metric history and artifacts, in a database reached through plain JDBC (an H2 file by default,
 * see {@link StoreSettings}). Opening it creates the tables and marks the runs of dead hosts
 * {@code interrupted}. Writes go through a {@link StoreWriter} thread; reads use a connection of
 * their own.
 */
public final class RunStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

    static {
        // H2's AUTO_SERVER serves the file to the other Synlab processes of this machine: listen on
        // loopback only, and write that address into the lock file, so that a process finding the
        // lock of a killed host is refused at once instead of waiting on the machine's outside address
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final StoreSettings settings;
    private final RunOwner owner;
    private final StoreWriter writer;
    private Connection reader;

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private RunStore(StoreSettings settings, RunOwner owner, Connection reader) {
        this.settings = settings;
        this.owner = owner;
        this.reader = reader;
        this.writer = new StoreWriter(this::connect);
    }

    /**
     * Opens (and if need be creates) the store of {@code settings}, which must be enabled.
     *
     * @throws StoreException when the database cannot be reached or has a newer schema
     */
    public static RunStore open(StoreSettings settings) {
        return open(settings, RunOwner.current());
    }

    static RunStore open(StoreSettings settings, RunOwner owner) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("the run store is off");
        }
        Connection connection = null;
        try {
            connection = StoreConnections.open(() -> DriverManager.getConnection(settings.url()));
            Schema.apply(connection, settings.describe());
            List<String> interrupted = StaleRuns.markInterrupted(connection, owner);
            if (!interrupted.isEmpty()) {
                LOG.info("marked {} run(s) interrupted, their host having ended mid-run: {}", interrupted.size(),
                        String.join(", ", interrupted));
            }
            return new RunStore(settings, owner, connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new StoreException("cannot open the run store " + settings.describe() + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return StoreConnections.open(() -> DriverManager.getConnection(settings.url()));
    }

    public StoreSettings settings() {
        return settings;
    }

    /** This process, as it is written into the rows of the runs it starts. */
    public RunOwner owner() {
        return owner;
    }

    /** Queues a {@link RunStart}, {@link MetricPoints} or {@link RunEnd}; returns at once. */
    public void submit(Object write) {
        writer.submit(write);
    }

    /** Waits until what was submitted so far is committed. */
    public void flush() throws InterruptedException {
        writer.flush(30_000);
    }

    /** Metric points committed by this process, for tests and the overhead benchmark. */
    public long committedPoints() {
        return writer.committedPoints();
    }

    /** Transactions committed by the writer of this process. */
    public long commits() {
        return writer.commits();
    }

    public List<StoredRun> list(RunFilter filter) {
        return read(c -> RunQueries.list(c, filter));
    }

    public Optional<StoredRun> find(String id) {
        return read(c -> RunQueries.find(c, id));
    }

    /** Up to {@code limit} ids beginning with {@code prefix}, sorted. */
    public List<String> idsStartingWith(String prefix, int limit) {
        return read(c -> RunQueries.idsStartingWith(c, prefix, limit));
    }

    public List<PluginUse> plugins(String id) {
        return read(c -> RunQueries.plugins(c, id));
    }

    public List<Artifact> artifacts(String id) {
        return read(c -> RunQueries.artifacts(c, id));
    }

    public List<HistoryPoint> history(String id) {
        return read(c -> RunQueries.history(c, id));
    }

    public List<MetricSummary> historySummary(String id) {
        return read(c -> RunQueries.historySummary(c, id));
    }

    /**
     * One retry on a fresh connection: with H2's AUTO_SERVER the process serving the file may have
     * exited since the last read, and another one now serves it.
     */
    private synchronized <T> T read(Read<T> query) {
        try {
            return query.apply(reader());
        } catch (SQLException first) {
            LOG.debug("run store read failed; reconnecting", first);
            closeReader();
            try {
                return query.apply(reader());
            } catch (SQLException e) {
                throw new StoreException("cannot read the run store " + settings.describe() + ": " + e.getMessage(), e);
            }
        }
    }

    private Connection reader() throws SQLException {
        if (reader == null) {
            reader = connect();
        }
        return reader;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (SQLException e) {
                LOG.debug("closing a run store connection failed", e);
            }
            reader = null;
        }
    }

    /** Commits what is queued, then closes the connections. */
    @Override
    public synchronized void close() {
        writer.close();
        closeReader();
    }
}
