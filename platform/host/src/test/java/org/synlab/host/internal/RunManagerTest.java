package org.synlab.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

class RunManagerTest {

    private static final PartRef CPU = new PartRef(PartKind.BACKEND, "cpu");
    private static final PartRef OTHER = new PartRef(PartKind.BACKEND, "other");

    private Vertx vertx;
    private PrometheusMeterRegistry meters;
    private RunManager runs;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HostMetrics metrics = new HostMetrics(meters);
        runs = new RunManager(new RunEvents(vertx.eventBus(), metrics), metrics, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        runs.close();
        vertx.close().await();
    }

    @Test
    void aRunPublishesStartedProgressAndFinishedOnTheBusAndIsCounted() throws Exception {
        String id = runs.newRunId();
        List<JsonObject> progress = new CopyOnWriteArrayList<>();
        CompletableFuture<JsonObject> started = new CompletableFuture<>();
        CompletableFuture<JsonObject> finished = new CompletableFuture<>();
        vertx.eventBus().<JsonObject>consumer(RunEvents.address(id, "started"), m -> started.complete(m.body()))
                .completion().await();
        vertx.eventBus().<JsonObject>consumer(RunEvents.address(id, "progress"), m -> progress.add(m.body()))
                .completion().await();
        vertx.eventBus().<JsonObject>consumer(RunEvents.address(id, "finished"), m -> finished.complete(m.body()))
                .completion().await();

        RunRecord record = runs.start(id, TestTasks.epochs(3, Set.of(CPU)));
        RunSummary summary = record.done().get(10, TimeUnit.SECONDS);
        JsonObject end = finished.get(10, TimeUnit.SECONDS);

        assertEquals("finished", summary.status());
        assertEquals("finished", record.status());
        assertEquals(3, record.epoch());
        assertEquals("counting", started.get(1, TimeUnit.SECONDS).getString("experiment"));
        assertEquals("[\"backend:cpu\"]", started.get().getJsonArray("parts").encode());
        assertEquals(List.of(1, 2, 3), progress.stream().map(p -> p.getInteger("epoch")).toList());
        assertEquals(0.5, progress.get(1).getJsonObject("metrics").getDouble("train.loss"));
        assertEquals(id, end.getString("run"));
        assertEquals("finished", end.getString("status"));
        assertEquals(7L, end.getLong("seed"));
        assertEquals(summary, RunSummary.fromJson(end));

        assertEquals(1.0, meters.get("synlab.runs.started").counter().count());
        assertEquals(1.0, meters.get("synlab.runs.finished").tag("status", "finished").counter().count());
        assertEquals(3.0, meters.get("synlab.run.events").tag("event", "progress").counter().count());
        assertEquals(1.0, meters.get("synlab.run.events").tag("event", "finished").counter().count());
        assertEquals(0.0, meters.get("synlab.runs.active").gauge().value());
        assertEquals(1L, meters.get("synlab.run.seconds").timer().count());
        assertTrue(meters.scrape().contains("synlab_runs_started_total"));
    }

    @Test
    void aRunsThroughputIsAGaugeTaggedByRunWhileItRuns() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunTask task = new RunTask() {
            @Override
            public String experiment() {
                return "gauged";
            }

            @Override
            public long seed() {
                return 1;
            }

            @Override
            public String backend() {
                return "cpu";
            }

            @Override
            public Set<PartRef> parts() {
                return Set.of();
            }

            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                listener.progress(new Progress(1, 2, 0.5, Map.of("samples_per_second", 1234.0, "epoch_seconds", 0.5,
                        "sim.bio_seconds", 2.0, "sim.wall_seconds", 0.5)));
                reported.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new RunResult(RunStatus.FINISHED, null, Map.of(), List.of(), 0.01);
            }
        };
        String id = runs.newRunId();
        RunRecord record = runs.start(id, task);
        assertTrue(reported.await(10, TimeUnit.SECONDS));

        assertEquals(1234.0, meters.get("synlab.train.samples.per.second").tag("run", id).gauge().value());
        assertEquals(0.5, meters.get("synlab.train.epoch.seconds").tag("run", id).gauge().value());
        assertEquals(4.0, meters.get("synlab.sim.realtime.factor").tag("run", id).gauge().value());
        assertTrue(meters.scrape().contains("synlab_train_samples_per_second{run=\"" + id + "\"}"), meters.scrape());

        release.countDown();
        record.done().get(10, TimeUnit.SECONDS);
        assertTrue(meters.find("synlab.train.samples.per.second").tag("run", id).gauges().isEmpty(),
                "a finished run's gauges are removed");
    }

    @Test
    void runsOnAWorkerThreadNotAnEventLoop() throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        RunTask task = TestTasks.epochs(1, Set.of());
        RunTask recording = new RunTask() {
            @Override
            public String experiment() {
                return task.experiment();
            }

            @Override
            public long seed() {
                return task.seed();
            }

            @Override
            public String backend() {
                return task.backend();
            }

            @Override
            public Set<PartRef> parts() {
                return task.parts();
            }

            @Override
            public org.synlab.engine.RunResult execute(org.synlab.engine.RunListener l, org.synlab.engine.RunControl c) {
                thread.complete(Thread.currentThread());
                return task.execute(l, c);
            }
        };
        String id = runs.newRunId();
        runs.start(id, recording).done().get(10, TimeUnit.SECONDS);
        assertEquals("synlab-run-" + id, thread.get().getName());
        assertFalse(io.vertx.core.Context.isOnEventLoopThread());
    }

    @Test
    void stopCancelsTheRunWithTheReason() throws Exception {
        String id = runs.newRunId();
        RunRecord record = runs.start(id, TestTasks.untilCancelled(Set.of(CPU), 0));
        assertEquals("running", record.status());
        PluginRegistryFelixTest.await(() -> record.epoch() > 0);

        assertTrue(runs.stop(id, "stopped by user"));

        RunSummary summary = record.done().get(10, TimeUnit.SECONDS);
        assertEquals("failed", summary.status());
        assertEquals("stopped by user", summary.reason());
        assertFalse(runs.stop("r-00000000", "stopped by user"));
    }

    @Test
    void removingAHeldPartCancelsOnlyItsRunsAndWaitsUntilTheyStopped() throws Exception {
        RunRecord usesCpu = runs.start(runs.newRunId(), TestTasks.untilCancelled(Set.of(CPU), 300));
        RunRecord usesOther = runs.start(runs.newRunId(), TestTasks.untilCancelled(Set.of(OTHER), 0));
        PluginPart cpu = new PluginPart(PartKind.BACKEND, "cpu", "", "org.synlab.backend-cpu", "0.1.0",
                null, 42);

        long start = System.nanoTime();
        runs.partRemoved(cpu);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(usesCpu.done().isDone(), "the removal returns only once the run has stopped");
        assertTrue(tookMillis >= 300, "waited for the run's clean-up, took " + tookMillis + " ms");
        RunSummary summary = usesCpu.done().get();
        assertEquals("failed", summary.status());
        assertEquals("plugin backend:cpu (bundle org.synlab.backend-cpu 0.1.0) was removed", summary.reason());
        assertTrue(usesOther.running(), "a run not holding the part goes on");
        assertEquals(1.0, meters.get("synlab.runs.active").gauge().value());
    }

    @Test
    void aCrashInsideTheRunEndsItFailedWithTheError() throws Exception {
        RunRecord record = runs.start(runs.newRunId(), TestTasks.crashing());
        RunSummary summary = record.done().get(10, TimeUnit.SECONDS);
        assertEquals("failed", summary.status());
        assertTrue(summary.reason().contains("org/example/Gone"), summary.reason());
    }

    @Test
    void runIdsAreShortHexAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = runs.newRunId();
            assertTrue(id.matches("r-[0-9a-f]{8}"), id);
            assertTrue(ids.add(id));
        }
        assertNotEquals(runs.newRunId(), runs.newRunId());
    }

    @Test
    void closeCancelsRunningRuns() throws Exception {
        RunRecord record = runs.start(runs.newRunId(), TestTasks.untilCancelled(Set.of(), 0));
        runs.close();
        assertEquals("the host is shutting down", record.done().get(1, TimeUnit.SECONDS).reason());
    }
}
