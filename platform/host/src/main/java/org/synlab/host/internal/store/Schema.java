package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run store's tables, in SQL that H2 and PostgreSQL both accept: {@code CREATE ... IF NOT EXISTS},
 * {@code VARCHAR}, {@code BIGINT}, {@code DOUBLE PRECISION}. Times are epoch milliseconds, which
 * every database stores the same way. A one-row table holds the schema version, so a later Synlab
 * can migrate a store and an older one refuses a store it does not understand.
 */
final class Schema {

    /** The version this code writes and reads. */
    static final int VERSION = 1;

    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS synlab_schema (
              version INTEGER NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS runs (
              id VARCHAR(64) PRIMARY KEY,
              experiment VARCHAR(256) NOT NULL,
              file VARCHAR(4096),
              config VARCHAR,
              overrides VARCHAR,
              seed BIGINT NOT NULL,
              backend VARCHAR(128),
              git_commit VARCHAR(64),
              started_ms BIGINT NOT NULL,
              ended_ms BIGINT,
              status VARCHAR(32) NOT NULL,
              reason VARCHAR,
              wall_seconds DOUBLE PRECISION,
              notes VARCHAR,
              owner_host VARCHAR(256),
              owner_pid BIGINT,
              owner_start_ms BIGINT
            )""",
            "CREATE INDEX IF NOT EXISTS runs_started ON runs (started_ms)",
            """
            CREATE TABLE IF NOT EXISTS run_plugins (
              run_id VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              kind VARCHAR(64) NOT NULL,
              name VARCHAR(256) NOT NULL,
              bundle VARCHAR(256),
              bundle_version VARCHAR(64),
              PRIMARY KEY (run_id, kind, name)
            )""",
            """
            CREATE TABLE IF NOT EXISTS run_metrics (
              run_id VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              name VARCHAR(256) NOT NULL,
              metric_value DOUBLE PRECISION,
              PRIMARY KEY (run_id, name)
            )""",
            // the step-indexed history, in chunks of consecutive points of one metric (see MetricChunk)
            """
            CREATE TABLE IF NOT EXISTS metric_chunks (
              run_id VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              name VARCHAR(256) NOT NULL,
              first_step BIGINT NOT NULL,
              last_step BIGINT NOT NULL,
              points INTEGER NOT NULL,
              min_value DOUBLE PRECISION,
              max_value DOUBLE PRECISION,
              last_value DOUBLE PRECISION,
              last_wall_ms BIGINT NOT NULL,
              steps VARCHAR NOT NULL,
              wall_ms VARCHAR NOT NULL,
              metric_values VARCHAR NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS metric_chunks_run ON metric_chunks (run_id, name, first_step)",
            """
            CREATE TABLE IF NOT EXISTS artifacts (
              run_id VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              kind VARCHAR(64) NOT NULL,
              path VARCHAR(4096) NOT NULL
            )""");

    private Schema() {
    }

    /** Creates what is missing and checks the version; safe to run at every start, by several processes. */
    static void apply(Connection connection, String where) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : TABLES) {
                statement.execute(ddl);
            }
            Integer found = null;
            try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM synlab_schema")) {
                if (rs.next()) {
                    int v = rs.getInt(1);
                    found = rs.wasNull() ? null : v;
                }
            }
            if (found == null) {
                statement.executeUpdate("INSERT INTO synlab_schema (version) VALUES (" + VERSION + ")");
            } else if (found > VERSION) {
                throw new SQLException("the run store " + where + " has schema version " + found
                        + ", newer than this Synlab understands (" + VERSION + "); use a newer Synlab or another "
                        + "-D" + StoreSettings.URL_PROPERTY);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
