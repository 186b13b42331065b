package org.synlab.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;

/** The whole host: Felix, SCR, FileInstall on a real plugin folder, registry, Guice, bus, runs. */
class HostTest {

    @TempDir
    Path temp;

    private Host host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private Host start(Path bundles) throws HostStartException {
        host = Host.start(new Host.Options(new DistributionLayout(TestBundles.systemDir(), bundles), null,
                Duration.ofSeconds(10)));
        return host;
    }

    @Test
    void pluginsOfTheFolderAreLiveWhenStartReturnsAndInTheRunInjector() throws Exception {
        assumeTrue(TestBundles.cpuBackendBuilt(), "the backend-cpu bundle has no CpuBackend yet");
        Path bundles = Files.createDirectories(temp.resolve("bundles"));
        Files.copy(TestBundles.cpuBackendJar(), bundles.resolve("backend-cpu.jar"));

        start(bundles);

        // no polling here: start() waits for FileInstall's first scan and SCR
        assertTrue(host.plugins().find(PartKind.BACKEND, "cpu").isPresent(), host.plugins().parts().toString());
        var injector = host.preparer().injector();
        Map<String, Backend> backends = injector.getInstance(Key.get(new TypeLiteral<Map<String, Backend>>() {
        }));
        assertTrue(backends.get("cpu") instanceof Backend);
        assertEquals(Map.of(), injector.getInstance(Key.get(new TypeLiteral<Map<String, Dataset>>() {
        })));
        assertNotNull(host.preparer().executor());
    }

    @Test
    void deletingTheJarOfAPartInUseCancelsTheRunWithTheReasonAndTheHostGoesOn() throws Exception {
        assumeTrue(TestBundles.cpuBackendBuilt(), "the backend-cpu bundle has no CpuBackend yet");
        Path bundles = Files.createDirectories(temp.resolve("bundles"));
        Path jar = Files.copy(TestBundles.cpuBackendJar(), bundles.resolve("backend-cpu.jar"));
        start(bundles);
        String version = host.plugins().find(PartKind.BACKEND, "cpu").orElseThrow().bundleVersion();

        String id = host.runs().newRunId();
        CompletableFuture<JsonObject> finished = new CompletableFuture<>();
        host.events().bus().<JsonObject>consumer(RunEvents.address(id, RunEvents.FINISHED),
                m -> finished.complete(m.body())).completion().await();
        RunRecord run = host.runs().start(id, TestTasks.untilCancelled(Set.of(new PartRef(PartKind.BACKEND, "cpu")), 0));

        Files.delete(jar);

        RunSummary summary = run.done().get(15, TimeUnit.SECONDS);
        String reason = "plugin backend:cpu (bundle org.synlab.backend-cpu " + version + ") was removed";
        assertEquals("failed", summary.status());
        assertEquals(reason, summary.reason());
        assertEquals(reason, finished.get(5, TimeUnit.SECONDS).getString("reason"));
        assertTrue(host.plugins().find(PartKind.BACKEND, "cpu").isEmpty());

        // hot deploy: the same jar dropped back is live again
        Files.copy(TestBundles.cpuBackendJar(), jar);
        PluginRegistryFelixTest.await(() -> host.plugins().find(PartKind.BACKEND, "cpu").isPresent());
        assertEquals(1.0, host.meters().get("synlab.runs.finished").tag("status", "failed").counter().count());
        assertTrue(host.meters().getMeters().stream().anyMatch(m -> m.getId().getName().startsWith("vertx.eventbus")),
                "Vert.x reports its event bus to the same registry");
    }

    @Test
    void anUnresolvableJarIsReportedWithoutHoldingUpTheOthers() throws Exception {
        Path bundles = Files.createDirectories(temp.resolve("bundles"));
        TestBundles.probeBundle(bundles, "org.synlab.test.probe", "probe");
        TestBundles.unresolvableBundle(bundles, "org.synlab.test.broken");

        long t0 = System.nanoTime();
        start(bundles);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(List.of("org.synlab.test.broken.jar"), host.unresolvedPlugins());
        assertTrue(host.plugins().find(PartKind.BACKEND, "probe").isPresent());
        assertTrue(millis < 9_000, "did not wait for the scan timeout: " + millis + " ms");
    }

    @Test
    void closingDeletesTheFrameworkStorage() throws Exception {
        start(Files.createDirectories(temp.resolve("bundles")));
        Path storage = host.context().getBundle(0).getDataFile("").toPath();
        assertTrue(Files.exists(storage));
        host.close();
        assertFalse(Files.exists(storage));
    }

    @Test
    void aMissingSystemFolderIsAClearStartError() {
        HostStartException e = org.junit.jupiter.api.Assertions.assertThrows(HostStartException.class,
                () -> Host.start(new Host.Options(new DistributionLayout(temp.resolve("nowhere"), temp), null,
                        Duration.ofSeconds(1))));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("synlab.home"), e.getMessage());
    }
}
