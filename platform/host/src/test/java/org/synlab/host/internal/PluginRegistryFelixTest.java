package org.synlab.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.synlab.api.Backend;
import org.synlab.api.Plugin;
import org.synlab.engine.PartKind;
import org.synlab.engine.PartRef;

/** The registry on a real Felix with the real SCR, fed by real plugin bundles. */
class PluginRegistryFelixTest {

    @TempDir
    Path temp;

    private EmbeddedFramework framework;
    private PluginRegistry registry;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void boot() throws Exception {
        String exports = SystemPackages.header(new SystemPackages(SystemPackages.ALLOWLIST)
                .compute(getClass().getClassLoader()));
        Path emptyDeployFolder = Files.createDirectories(temp.resolve("deploy"));
        framework = EmbeddedFramework.start(exports, Map.of("felix.fileinstall.dir", emptyDeployFolder.toString(),
                "felix.fileinstall.log.default", "jul"));
        registry = new PluginRegistry(framework.context());
        registry.addListener(new PluginRegistry.Listener() {
            @Override
            public void partAdded(PluginPart part) {
                events.add("added " + part.ref() + " from " + part.bundleSymbolicName());
            }

            @Override
            public void partRemoved(PluginPart part) {
                events.add("removed " + part.ref() + " from " + part.bundleSymbolicName());
            }
        });
        registry.open();
        InfrastructureBundles.scan(TestBundles.systemDir()).installAndStart(framework.context(), false);
    }

    @AfterEach
    void shutDown() {
        registry.close();
        Path storage = framework.storage();
        framework.close();
        assertFalse(Files.exists(storage), "the framework storage is deleted on close");
    }

    @Test
    void cpuBackendAppearsByNameAndDisappearsOnUninstall() throws Exception {
        assumeTrue(TestBundles.cpuBackendBuilt(), "the backend-cpu bundle has no CpuBackend yet");
        Bundle bundle = framework.context().installBundle(TestBundles.cpuBackendJar().toUri().toString());
        bundle.start();

        await(() -> registry.find(PartKind.BACKEND, "cpu").isPresent());
        PluginPart cpu = registry.find(PartKind.BACKEND, "cpu").orElseThrow();
        assertEquals(TestBundles.CPU_BSN, cpu.bundleSymbolicName());
        assertEquals(bundle.getVersion().toString(), cpu.bundleVersion());
        assertFalse(cpu.description().isBlank());
        assertTrue(cpu.service() instanceof Backend, "the service is usable through the host's copy of the API");
        Map<String, Plugin> backends = registry.snapshot().get(PartKind.BACKEND);
        assertTrue(backends.get("cpu") instanceof Backend);
        assertTrue(events.contains("added backend:cpu from " + TestBundles.CPU_BSN), events.toString());

        bundle.uninstall();

        await(() -> registry.find(PartKind.BACKEND, "cpu").isEmpty());
        assertTrue(events.contains("removed backend:cpu from " + TestBundles.CPU_BSN), events.toString());
        assertFalse(registry.snapshot().get(PartKind.BACKEND).containsKey("cpu"));
    }

    @Test
    void duplicateNameKeepsTheFirstAndPromotesTheOtherWhenTheFirstLeaves() throws Exception {
        Bundle first = framework.context().installBundle(
                TestBundles.probeBundle(temp, "org.synlab.test.probe-a", "probe").toUri().toString());
        first.start();
        await(() -> registry.find(PartKind.BACKEND, "probe").isPresent());
        long before = registry.changeCount();
        Bundle second = framework.context().installBundle(
                TestBundles.probeBundle(temp, "org.synlab.test.probe-b", "probe").toUri().toString());
        second.start();
        await(() -> registry.changeCount() > before);

        assertEquals("org.synlab.test.probe-a", registry.find(PartKind.BACKEND, "probe").orElseThrow().bundleSymbolicName());
        assertEquals(1, registry.parts().stream().filter(p -> p.ref().equals(new PartRef(PartKind.BACKEND, "probe"))).count());
        assertEquals(List.of("added backend:probe from org.synlab.test.probe-a"), events);

        first.stop();

        await(() -> registry.find(PartKind.BACKEND, "probe")
                .map(p -> p.bundleSymbolicName().equals("org.synlab.test.probe-b")).orElse(false));
        assertEquals(List.of("added backend:probe from org.synlab.test.probe-a",
                "removed backend:probe from org.synlab.test.probe-a",
                "added backend:probe from org.synlab.test.probe-b"), events);

        second.stop();
        await(() -> registry.find(PartKind.BACKEND, "probe").isEmpty());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
