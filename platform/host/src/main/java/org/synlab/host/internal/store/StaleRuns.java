package org.synlab.host.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs left {@code running} by a host that is gone (killed, crashed, power lost) and marks
 * them {@code interrupted}, with the reason and the time of the last point they recorded. Runs of a
 * live process, this one included, are left alone.
 */
final class StaleRuns {

    private StaleRuns() {
    }

    private record Candidate(String id, RunOwner owner, long startedMillis) {
    }

    /** @return the ids marked interrupted */
    static List<String> markInterrupted(Connection c, RunOwner self) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, owner_host, owner_pid, owner_start_ms, started_ms FROM runs WHERE status = ?")) {
            s.setString(1, StoredRun.RUNNING);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String host = rs.getString(2);
                    RunOwner owner = new RunOwner(host == null ? "" : host, rs.getLong(3), rs.getLong(4));
                    candidates.add(new Candidate(rs.getString(1), owner, rs.getLong(5)));
                }
            }
        }
        List<String> marked = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement last = c.prepareStatement("SELECT MAX(last_wall_ms) FROM metric_chunks WHERE run_id = ?");
             PreparedStatement mark = c.prepareStatement("UPDATE runs SET status = ?, reason = ?, ended_ms = ?, "
                     + "wall_seconds = ? WHERE id = ? AND status = ?")) {
            for (Candidate run : candidates) {
                if (self.seesAlive(run.owner())) {
                    continue;
                }
                long ended = lastPoint(last, run.id()).orElse(run.startedMillis());
                mark.setString(1, StoredRun.INTERRUPTED);
                mark.setString(2, "the host (pid " + run.owner().pid() + " on " + run.owner().host()
                        + ") ended mid-run");
                mark.setLong(3, ended);
                mark.setDouble(4, Math.max(0, ended - run.startedMillis()) / 1000.0);
                mark.setString(5, run.id());
                // the status check makes two hosts starting together mark a run once
                mark.setString(6, StoredRun.RUNNING);
                if (mark.executeUpdate() == 1) {
                    marked.add(run.id());
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return marked;
    }

    private static java.util.OptionalLong lastPoint(PreparedStatement last, String id) throws SQLException {
        last.setString(1, id);
        try (ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                long v = rs.getLong(1);
                return rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(v);
            }
        }
        return java.util.OptionalLong.empty();
    }
}
