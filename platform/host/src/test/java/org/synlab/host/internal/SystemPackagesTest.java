package org.synlab.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SystemPackagesTest {

    private static List<SystemPackages.Export> exports;

    @BeforeAll
    static void compute() throws IOException {
        exports = new SystemPackages(SystemPackages.ALLOWLIST).compute(SystemPackagesTest.class.getClassLoader());
    }

    private static Optional<SystemPackages.Export> export(String pkg) {
        return exports.stream().filter(e -> e.packageName().equals(pkg)).findFirst();
    }

    @Test
    void exportsTheApiAtTheVersionOfItsManifest() {
        assertEquals("0.1.0", export("org.synlab.api").orElseThrow().version());
        assertEquals("0.1.0", export("org.synlab.api.expr").orElseThrow().version());
    }

    @Test
    void takesVertxVersionFromPomPropertiesSinceItsJarHasNoOsgiHeaders() {
        assertEquals("5.0.10", export("io.vertx.core").orElseThrow().version());
        assertTrue(export("io.vertx.core.eventbus").isPresent());
    }

    @Test
    void exportsTheOtherAllowedLibraries() {
        assertEquals("2.0.1", export("jakarta.inject").orElseThrow().version());
        assertEquals("1.15.10", export("io.micrometer.core.instrument").orElseThrow().version());
        assertTrue(exports.stream().anyMatch(e -> e.packageName().equals("org.slf4j") && "2.0.17".equals(e.version())));
    }

    @Test
    void exportsTheVectorModuleWhenTheJvmHasIt() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher does
        SystemPackages.Export vector = export("jdk.incubator.vector").orElseThrow();
        assertNull(vector.version());
    }

    @Test
    void keepsGuiceGogoJacksonAndImplementationPackagesPrivate() {
        Map<String, List<SystemPackages.Export>> byPrefix = exports.stream()
                .collect(Collectors.groupingBy(SystemPackages.Export::packageName));
        for (String pkg : byPrefix.keySet()) {
            assertFalse(pkg.startsWith("com.google.inject"), pkg);
            assertFalse(pkg.startsWith("com.google.common"), pkg);
            assertFalse(pkg.startsWith("com.fasterxml.jackson"), pkg);
            assertFalse(pkg.startsWith("org.apache.felix"), pkg);
            assertFalse(pkg.startsWith("org.synlab.engine"), pkg);
            assertFalse(pkg.startsWith("org.synlab.host"), pkg);
            assertFalse(pkg.contains(".impl"), pkg);
            assertFalse(pkg.contains(".internal"), pkg);
            assertFalse(pkg.startsWith("io.micrometer.prometheusmetrics"), pkg);
        }
    }

    @Test
    void headerIsACommaSeparatedListWithQuotedVersions() {
        String header = SystemPackages.header(exports);
        assertTrue(header.contains("org.synlab.api;version=\"0.1.0\""), header);
        assertTrue(header.contains(",jdk.incubator.vector,") || header.contains(",jdk.incubator.vector"), header);
        assertFalse(header.contains("com.google.inject"), header);
    }

    @Test
    void allowlistCoversSubPackagesButNotLookAlikes() {
        SystemPackages packages = new SystemPackages(List.of("io.vertx.core"));
        assertTrue(packages.allowed("io.vertx.core"));
        assertTrue(packages.allowed("io.vertx.core.json"));
        assertFalse(packages.allowed("io.vertx.corex"));
        assertFalse(packages.allowed("io.vertx.core.impl.future"));
    }

    @Test
    void convertsMavenVersionsToOsgiVersions() {
        assertEquals("5.0.10", SystemPackages.osgiVersion("5.0.10"));
        assertEquals("2.0.1.SNAPSHOT", SystemPackages.osgiVersion("2.0.1-SNAPSHOT"));
        assertEquals("33.5.0.jre", SystemPackages.osgiVersion("33.5.0-jre"));
        assertEquals("4.2.12.Final", SystemPackages.osgiVersion("4.2.12.Final"));
        assertEquals("7.0.0", SystemPackages.osgiVersion("7"));
        assertNull(SystemPackages.osgiVersion("unknown"));
    }

    @Test
    void parsesExportHeadersWithQuotedCommas() {
        List<ManifestHeaders.Clause> clauses = ManifestHeaders.parse(
                "a.b;uses:=\"x.y,z\";version=\"1.2\",c.d;e.f;version=3,g");
        assertEquals(3, clauses.size());
        assertEquals(List.of("a.b"), clauses.get(0).paths());
        assertEquals("1.2", clauses.get(0).attributes().get("version"));
        assertEquals(List.of("c.d", "e.f"), clauses.get(1).paths());
        assertEquals("3", clauses.get(1).attributes().get("version"));
        assertEquals(List.of("g"), clauses.get(2).paths());
        assertTrue(clauses.get(2).attributes().isEmpty());
    }
}
