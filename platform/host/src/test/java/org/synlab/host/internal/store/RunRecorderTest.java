package org.synlab.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.engine.Experiment;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;
import org.synlab.host.internal.HostMetrics;
import org.synlab.host.internal.PluginPart;
import org.synlab.host.internal.RunEvents;
import org.synlab.host.internal.RunManager;
import org.synlab.host.internal.RunRecord;
import org.synlab.host.internal.RunTask;
import org.synlab.host.internal.TestTasks;

/** The recorder between a real run manager and a real H2 store: what a run leaves in the store. */
class RunRecorderTest {

    private static final PartRef CPU = new PartRef(PartKind.BACKEND, "cpu");

    @TempDir
    Path temp;

    private Vertx vertx;
    private RunManager runs;
    private RunStore store;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        HostMetrics metrics = new HostMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        runs = new RunManager(new RunEvents(vertx.eventBus(), metrics), metrics, Duration.ofSeconds(5));
        store = StoreFixtures.open(temp);
        runs.addLifecycle(new RunRecorder(store, ref -> ref.equals(CPU)
                ? Optional.of(new PluginPart(PartKind.BACKEND, "cpu", "the cpu", "org.synlab.backend-cpu", "0.1.0", null, 1))
                : Optional.empty()));
    }

    @AfterEach
    void tearDown() {
        runs.close();
        store.close();
        vertx.close().await();
    }

    @Test
    void aFinishedRunIsInTheStoreWithItsPluginsHistoryAndFinalMetrics() throws Exception {
        String id = runs.newRunId();
        RunRecord record = runs.start(id, TestTasks.epochs(5, Set.of(CPU, new PartRef(PartKind.NEURON, "gone"))));
        record.done().get(10, TimeUnit.SECONDS);
        store.flush();

        StoredRun run = store.find(id).orElseThrow();
        assertEquals("finished", run.status());
        assertEquals("counting", run.experiment());
        assertEquals(7, run.seed());
        assertNull(run.file(), "a run built in code has no file");
        assertEquals(0.2, run.metrics().get("train.loss"));
        assertTrue(run.endedMillis() >= run.startedMillis());
        assertEquals(List.of(new PluginUse("backend", "cpu", "org.synlab.backend-cpu", "0.1.0"),
                new PluginUse("neuron", "gone", null, null)), store.plugins(id));
        List<HistoryPoint> loss = store.history(id).stream().filter(p -> p.metric().equals("train.loss")).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), loss.stream().map(HistoryPoint::step).toList());
        assertEquals(1.0 / 3, loss.get(2).value());
        assertEquals(15, store.history(id).size(), "three metrics per epoch");
    }

    @Test
    void anExperimentRunRecordsItsFileConfigOverridesGitCommitAndCheckpoint() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("lab"));
        Optional<String> head = gitRepositoryWithOneCommit(folder);
        Path file = Files.writeString(folder.resolve("e.yaml"), "experiment: e\n");
        Experiment experiment = new Experiment(file, "e", 3,
                Map.of("experiment", "e", "seed", 3, "training", Map.of("epochs", 2, "checkpoint", "out/w.safetensors")),
                List.of("seed=3"));
        String id = runs.newRunId();
        runs.start(id, fromFile(experiment, folder.resolve("out/w.safetensors"))).done().get(10, TimeUnit.SECONDS);
        store.flush();

        StoredRun run = store.find(id).orElseThrow();
        assertEquals(file.toAbsolutePath().normalize().toString(), run.file());
        assertEquals(List.of("seed=3"), run.overrides());
        assertEquals(Map.of("experiment", "e", "seed", "3", "training.checkpoint", "out/w.safetensors",
                "training.epochs", "2"), ExperimentText.flatten(run.config()));
        assertEquals(head.orElse(null), run.gitCommit());
        assertEquals(List.of(new Artifact("checkpoint", folder.resolve("out/w.safetensors").toString())),
                store.artifacts(id));
        assertEquals(List.of(1L, 2L), store.history(id).stream().map(HistoryPoint::step).toList(),
                "the running mean reported part-way through epoch 1 is not history");
    }

    @Test
    void aFolderOutsideAnyRepositoryHasNoCommit() {
        assertEquals(Optional.empty(), GitCommit.of(temp));
        assertEquals(Optional.empty(), GitCommit.of(temp.resolve("missing")));
    }

    @Test
    void onlyReportsThatCloseAnEpochAreHistory() {
        assertTrue(RunRecorder.endOfEpoch(new Progress(2, 4, 0.5, Map.of())));
        assertFalse(RunRecorder.endOfEpoch(new Progress(2, 4, 0.4, Map.of())));
        assertTrue(RunRecorder.endOfEpoch(new Progress(4, 4, 1.0, Map.of())));
    }

    /** A task with an experiment behind it, which reports a mid-epoch running mean, then writes a checkpoint. */
    private static RunTask fromFile(Experiment experiment, Path checkpoint) {
        return new RunTask() {
            @Override
            public String experiment() {
                return experiment.name();
            }

            @Override
            public long seed() {
                return experiment.seed();
            }

            @Override
            public String backend() {
                return "cpu";
            }

            @Override
            public Set<PartRef> parts() {
                return Set.of(CPU);
            }

            @Override
            public Optional<Experiment> source() {
                return Optional.of(experiment);
            }

            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                listener.progress(new Progress(1, 2, 0.25, Map.of("train.loss", 0.9)));
                listener.progress(new Progress(1, 2, 0.5, Map.of("train.loss", 0.8)));
                listener.progress(new Progress(2, 2, 1.0, Map.of("train.loss", 0.7)));
                try {
                    Files.createDirectories(checkpoint.getParent());
                    Files.writeString(checkpoint, "weights");
                } catch (IOException e) {
                    return new RunResult(RunStatus.FAILED, e.toString(), Map.of(), List.of(), 0);
                }
                return new RunResult(RunStatus.FINISHED, null, Map.of("train.loss", 0.7), List.of(), 0.01);
            }
        };
    }

    /** HEAD of a fresh repository in {@code folder}; empty when git is not installed. */
    private static Optional<String> gitRepositoryWithOneCommit(Path folder) throws Exception {
        try {
            for (List<String> command : List.of(List.of("git", "init", "-q"),
                    List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
                            "--allow-empty", "-m", "start"))) {
                Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<String> head = GitCommit.of(folder);
        assertTrue(head.isPresent() && head.get().length() == 40, head.toString());
        return head;
    }
}
