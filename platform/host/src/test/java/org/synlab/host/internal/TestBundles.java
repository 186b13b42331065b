package org.synlab.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.synlab.host.testbundle.ProbeBackend;

/** The real bundles the tests boot Felix with, as copied by the build into target/test-bundles. */
public final class TestBundles {

    public static final String CPU_BSN = "org.synlab.backend-cpu";

    private TestBundles() {
    }

    /** The infrastructure bundles (SCR, FileInstall, Gogo, JLine). */
    public static Path systemDir() {
        return Path.of(required("synlab.test.system"));
    }

    /** The backend-cpu plugin bundle. */
    public static Path cpuBackendJar() {
        return Path.of(required("synlab.test.plugins")).resolve("synlab-backend-cpu-0.1.0-SNAPSHOT.jar");
    }

    /** Whether the backend-cpu bundle has its backend yet (it is built in parallel with the host). */
    public static boolean cpuBackendBuilt() throws IOException {
        try (JarFile jar = new JarFile(cpuBackendJar().toFile())) {
            return jar.getEntry("org/synlab/plugins/backend/cpu/CpuBackend.class") != null;
        }
    }

    /**
     * Writes a bundle publishing one {@link ProbeBackend} called {@code partName} through a DS
     * component, with its own symbolic name.
     */
    public static Path probeBundle(Path dir, String symbolicName, String partName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.synlab.api;version=\"[0.1,1)\"");
        main.putValue("Service-Component", "OSGI-INF/probe.xml");
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" activate="activate">
                  <implementation class="%s"/>
                  <property name="probe.name" type="String" value="%s"/>
                  <service><provide interface="org.synlab.api.Backend"/></service>
                </scr:component>
                """.formatted(symbolicName + ".probe", ProbeBackend.class.getName(), partName);
        String classEntry = ProbeBackend.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/probe.xml"));
            out.write(component.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry(classEntry));
            try (InputStream in = ProbeBackend.class.getClassLoader().getResourceAsStream(classEntry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }

    /** Writes a bundle that can never resolve: it imports a package nobody exports. */
    public static Path unresolvableBundle(Path dir, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.example.nowhere");
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("imports a package that does not exist".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("run the tests through Maven: -D" + property + " is set by surefire");
        }
        return value;
    }
}
