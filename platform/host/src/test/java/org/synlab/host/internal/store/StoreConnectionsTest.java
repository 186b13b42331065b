package org.synlab.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConnectionsTest {

    @TempDir
    Path folder;

    @Test
    void waitsOutAnotherProcessOpeningTheFileThenConnects() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        String url = "jdbc:h2:file:" + folder.resolve("runs");
        try (Connection real = StoreConnections.open(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new SQLException("Error opening database: \"Lock file recently modified\" [8000-240]");
            }
            return DriverManager.getConnection(url);
        })) {
            assertEquals(3, tries.get());
            assertEquals(1, real.createStatement().executeQuery("SELECT 1").next() ? 1 : 0);
        }
    }

    @Test
    void otherErrorsAndALastingRaceFailWithTheDriversError() {
        AtomicInteger tries = new AtomicInteger();
        SQLException wrong = new SQLException("Wrong user name or password [28000-240]");
        SQLException thrown = assertThrows(SQLException.class, () -> StoreConnections.open(() -> {
            tries.incrementAndGet();
            throw wrong;
        }));
        assertSame(wrong, thrown);
        assertEquals(1, tries.get(), "no retry for an error that does not pass by itself");

        tries.set(0);
        assertThrows(SQLException.class, () -> StoreConnections.open(() -> {
            tries.incrementAndGet();
            throw new SQLException("Lock file recently modified");
        }));
        assertEquals(StoreConnections.ATTEMPTS, tries.get());
    }
}
