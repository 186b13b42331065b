package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a connection to the run store, waiting out the moment when another Synlab process is opening the same H2
 * file. H2 refuses a second opener while the first is writing its lock file ("Lock file recently modified") instead
 * of waiting, so two commands started together (a `./synlab runs` beside a starting host) could fail for no lasting
 * reason; they retry for up to about two seconds. Any other error fails at once.
 */
final class StoreConnections {

    /** How a connection is made (the JDBC driver manager, in production). */
    interface Connector {
        Connection connect() throws SQLException;
    }

    static final int ATTEMPTS = 8;
    static final long FIRST_WAIT_MS = 50;

    private StoreConnections() {
    }

    static Connection open(Connector connector) throws SQLException {
        long wait = FIRST_WAIT_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return connector.connect();
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isOpeningRace(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to open the run store", e);
            }
            wait = Math.min(2 * wait, 500);
        }
    }

    /** Whether the error is H2's refusal while another process opens the same file, which passes by itself. */
    static boolean isOpeningRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Lock file recently modified")) {
                return true;
            }
        }
        return false;
    }
}
