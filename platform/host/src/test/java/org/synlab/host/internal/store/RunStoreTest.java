package org.synlab.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store against a real H2 file in a temporary folder. */
class RunStoreTest {

    @TempDir
    Path temp;

    @Test
    void openingCreatesTheFileAndTheSchemaOnceAndReopensIt() throws Exception {
        try (RunStore store = StoreFixtures.open(temp)) {
            assertTrue(store.list(RunFilter.ALL).isEmpty());
        }
        assertTrue(Files.isRegularFile(temp.resolve("store/runs.mv.db")));
        try (RunStore store = StoreFixtures.open(temp)) {
            assertTrue(store.list(RunFilter.ALL).isEmpty());
        }
        try (Connection c = DriverManager.getConnection(StoreSettings.h2(temp.resolve("store")).url());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM synlab_schema")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "one version row, however often the store is opened");
            assertEquals(Schema.VERSION, rs.getInt(2));
        }
    }

    @Test
    void aStoreWithANewerSchemaIsRefusedWithAClearMessage() throws Exception {
        StoreSettings settings = StoreSettings.h2(temp.resolve("store"));
        try (RunStore store = RunStore.open(settings)) {
            assertTrue(store.list(RunFilter.ALL).isEmpty());
        }
        try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE synlab_schema SET version = " + (Schema.VERSION + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(settings));
        assertTrue(e.getMessage().contains("newer than this Synlab understands"), e.getMessage());
    }

    @Test
    void aRunReadsBackWithPluginsMetricsHistoryAndArtifacts() throws Exception {
        try (RunStore store = StoreFixtures.open(temp)) {
            store.submit(StoreFixtures.start("r-00000001", "xor", store.owner(), 1_000));
            store.submit(new MetricPoints("r-00000001", 1, 2_000, Map.of("train.loss", 0.5, "train.accuracy", 0.5)));
            store.submit(new MetricPoints("r-00000001", 2, 3_000, Map.of("train.loss", Double.NaN, "train.accuracy", 1.0)));
            store.submit(StoreFixtures.end("r-00000001", "finished", null));
            store.flush();

            StoredRun run = store.find("r-00000001").orElseThrow();
            assertEquals("xor", run.experiment());
            assertEquals("finished", run.status());
            assertNull(run.reason());
            assertEquals(7, run.seed());
            assertEquals("cpu", run.backend());
            assertEquals("/experiments/xor.yaml", run.file());
            assertEquals("0123456789abcdef0123456789abcdef01234567", run.gitCommit());
            assertEquals(List.of("training.epochs=3"), run.overrides());
            assertTrue(run.config().contains("epochs: 3"), run.config());
            assertEquals(1_000, run.startedMillis());
            assertEquals(1.5, run.wallSeconds());
            assertEquals(List.of("a note"), run.notes());
            assertEquals(0.25, run.metrics().get("train.loss"));
            assertTrue(run.metrics().get("diverged").isNaN(), "NaN is stored as NULL and reads back as NaN");

            assertEquals(List.of(new PluginUse("backend", "cpu", "org.synlab.backend-cpu", "0.1.0"),
                    new PluginUse("neuron", "relu", "org.synlab.neurons-rate", "0.1.0")), store.plugins(run.id()));
            assertEquals(List.of(new Artifact("checkpoint", "/out/best.safetensors")), store.artifacts(run.id()));

            List<HistoryPoint> history = store.history(run.id());
            assertEquals(4, history.size());
            assertEquals(new HistoryPoint("train.accuracy", 1, 2_000, 0.5), history.get(0));
            assertEquals(new HistoryPoint("train.accuracy", 2, 3_000, 1.0), history.get(1));
            assertEquals("train.loss", history.get(3).metric());
            assertTrue(Double.isNaN(history.get(3).value()));

            List<MetricSummary> summary = store.historySummary(run.id());
            assertEquals(2, summary.size());
            MetricSummary accuracy = summary.getFirst();
            assertEquals(new MetricSummary("train.accuracy", 2, 1, 2, 0.5, 1.0, 1.0), accuracy);
        }
    }

    @Test
    void listingIsOldestFirstAndFiltersByExperimentAndStatus() throws Exception {
        try (RunStore store = StoreFixtures.open(temp)) {
            store.submit(StoreFixtures.start("r-0000000b", "mnist", store.owner(), 2_000));
            store.submit(StoreFixtures.start("r-0000000a", "xor", store.owner(), 1_000));
            store.submit(StoreFixtures.start("r-0000000c", "xor", store.owner(), 3_000));
            store.submit(StoreFixtures.end("r-0000000a", "finished", null));
            store.submit(StoreFixtures.end("r-0000000b", "failed", "diverged"));
            store.flush();

            assertEquals(List.of("r-0000000a", "r-0000000b", "r-0000000c"), ids(store.list(RunFilter.ALL)));
            assertEquals(List.of("r-0000000a", "r-0000000c"), ids(store.list(new RunFilter("xor", null))));
            assertEquals(List.of("r-0000000c"), ids(store.list(new RunFilter("xor", "running"))));
            assertEquals(List.of("r-0000000b"), ids(store.list(new RunFilter(null, "failed"))));
            assertEquals("diverged", store.list(new RunFilter(null, "failed")).getFirst().reason());
            assertEquals(0.25, store.list(RunFilter.ALL).getFirst().metrics().get("train.loss"));
            assertEquals(List.of("r-0000000a", "r-0000000b"), store.idsStartingWith("r-0000000", 2));
            assertEquals(List.of(), store.idsStartingWith("r-%", 5), "LIKE wildcards in a prefix are literal");
        }
    }

    @Test
    void metricWritesAreBatchedNotCommittedOneByOne() throws Exception {
        try (RunStore store = StoreFixtures.open(temp)) {
            store.submit(StoreFixtures.start("r-00000001", "xor", store.owner(), 1_000));
            store.flush();
            long commitsBefore = store.commits();
            int steps = 5_000;
            long started = System.nanoTime();
            for (int step = 1; step <= steps; step++) {
                store.submit(new MetricPoints("r-00000001", step, 1_000 + step,
                        Map.of("train.loss", 1.0 / step, "train.accuracy", 0.5, "samples_per_second", 1e4)));
            }
            long submitNanos = System.nanoTime() - started;
            store.flush();
            assertEquals(3L * steps, store.committedPoints());
            long commits = store.commits() - commitsBefore;
            // at most MAX_BATCH operations per transaction: 5000 steps need at least 3, far fewer than 5000
            assertTrue(commits >= 1 && commits <= 20, "commits: " + commits);
            assertEquals(3 * steps, store.history("r-00000001").size());
            try (Connection c = DriverManager.getConnection(StoreSettings.h2(temp.resolve("store")).url());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(points) FROM metric_chunks")) {
                rs.next();
                assertEquals(3 * commits, rs.getLong(1), "one row per metric and commit");
                assertEquals(3L * steps, rs.getLong(2));
            }
            // queuing is all the run thread pays: well under 10 us per step even on a busy machine
            assertTrue(submitNanos / steps < 10_000, "submit ns per step: " + submitNanos / steps);
        }
    }

    @Test
    void aRunLeftRunningByADeadHostIsMarkedInterruptedOnTheNextOpen() throws Exception {
        RunOwner dead = StoreFixtures.deadOwner();
        try (RunStore store = StoreFixtures.open(temp)) {
            store.submit(StoreFixtures.start("r-000000dd", "xor", dead, 1_000));
            store.submit(new MetricPoints("r-000000dd", 1, 4_000, Map.of("train.loss", 0.5)));
            store.submit(new MetricPoints("r-000000dd", 2, 5_000, Map.of("train.loss", 0.4)));
            store.submit(StoreFixtures.start("r-000000aa", "xor", store.owner(), 1_000));
            store.submit(StoreFixtures.start("r-000000ff", "xor", new RunOwner("another-machine", dead.pid(), 0), 1_000));
            store.flush();
            // opening marks stale runs: this store's own running run and the foreign one are left alone
            assertEquals("running", store.find("r-000000dd").orElseThrow().status());
        }
        try (RunStore store = StoreFixtures.open(temp)) {
            StoredRun run = store.find("r-000000dd").orElseThrow();
            assertEquals("interrupted", run.status());
            assertTrue(run.reason().startsWith("the host (pid " + dead.pid() + " on "), run.reason());
            assertEquals(5_000L, run.endedMillis(), "ended at its last recorded point");
            assertEquals(4.0, run.wallSeconds());
            assertEquals(2, store.history(run.id()).size(), "its history is kept");
            assertEquals("running", store.find("r-000000aa").orElseThrow().status(), "this process is alive");
            assertEquals("running", store.find("r-000000ff").orElseThrow().status(),
                    "a run of another machine cannot be checked from here");
        }
    }

    @Test
    void aWriteThatFailsIsDroppedAndLoggedWithoutStoppingTheWriter() throws Exception {
        try (RunStore store = StoreFixtures.open(temp)) {
            store.submit(new MetricPoints("r-unknown", 1, 1, Map.of("train.loss", 1.0)));
            store.flush();
            store.submit(StoreFixtures.start("r-00000001", "xor", store.owner(), 1_000));
            store.flush();
            assertEquals(0, store.history("r-unknown").size(), "a point of no run breaks the foreign key");
            assertEquals("running", store.find("r-00000001").orElseThrow().status());
        }
    }

    private static List<String> ids(List<StoredRun> runs) {
        return runs.stream().map(StoredRun::id).toList();
    }
}
