package org.synlab.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: the packages of the host class path
 * that plugin bundles may import. Only an allowlist is exported, so plugins cannot wire to Guice,
 * Gogo or Jackson; versions come from each jar's {@code Export-Package}, or for jars without OSGi
 * metadata (Vert.x 5) from its Maven {@code pom.properties}.
 */
public final class SystemPackages {

    /** Package prefixes plugins may use; a prefix also covers its sub-packages. */
    public static final List<String> ALLOWLIST = List.of(
            "org.synlab.api",
            "org.synlab.api.expr",
            "org.synlab.api.random",
            "org.slf4j",
            "jakarta.inject",
            "jdk.incubator.vector",
            "io.micrometer.core.instrument",
            "io.vertx.core");

    /** JDK modules that plugins may import; exported without a version when present in the boot layer. */
    private static final List<String> JDK_MODULE_PACKAGES = List.of("jdk.incubator.vector");

    /** Implementation packages stay private even under an allowed prefix. */
    private static final Pattern PRIVATE_SEGMENT = Pattern.compile("\\.(impl|internal)(\\.|$)");

    private static final Pattern MAVEN_VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.-](.*))?");

    /** A package with the version it is exported at. */
    public record Export(String packageName, String version) {
        @Override
        public String toString() {
            return version == null ? packageName : packageName + ";version=\"" + version + "\"";
        }
    }

    private final List<String> allowlist;

    public SystemPackages(List<String> allowlist) {
        this.allowlist = List.copyOf(allowlist);
    }

    /** The allowlisted packages visible to {@code loader}, in a stable order. */
    public List<Export> compute(ClassLoader loader) throws IOException {
        Set<Export> exports = new LinkedHashSet<>();
        Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            Path jar = jarOf(url);
            if (jar != null) {
                exports.addAll(exportsOf(jar));
            }
        }
        for (String module : JDK_MODULE_PACKAGES) {
            if (allowed(module) && ModuleLayer.boot().findModule(module).isPresent()) {
                exports.add(new Export(module, null));
            }
        }
        return exports.stream()
                .sorted((a, b) -> a.packageName().equals(b.packageName())
                        ? String.valueOf(a.version()).compareTo(String.valueOf(b.version()))
                        : a.packageName().compareTo(b.packageName()))
                .toList();
    }

    /** The header value: {@code pkg;version="x",...}. */
    public static String header(List<Export> exports) {
        return String.join(",", exports.stream().map(Export::toString).toList());
    }

    boolean allowed(String packageName) {
        if (PRIVATE_SEGMENT.matcher(packageName).find()) {
            return false;
        }
        for (String prefix : allowlist) {
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private List<Export> exportsOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String exportHeader = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            if (exportHeader != null) {
                return fromExportHeader(exportHeader);
            }
            return fromContents(file, manifest);
        }
    }

    private List<Export> fromExportHeader(String header) {
        List<Export> exports = new ArrayList<>();
        for (ManifestHeaders.Clause clause : ManifestHeaders.parse(header)) {
            String version = clause.attributes().get("version");
            for (String pkg : clause.paths()) {
                if (allowed(pkg)) {
                    exports.add(new Export(pkg, version));
                }
            }
        }
        return exports;
    }

    /** A jar without OSGi metadata: its packages are the folders holding classes. */
    private List<Export> fromContents(JarFile file, Manifest manifest) throws IOException {
        Set<String> packages = new TreeSet<>();
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            int slash = name.lastIndexOf('/');
            if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                String pkg = name.substring(0, slash).replace('/', '.');
                if (allowed(pkg)) {
                    packages.add(pkg);
                }
            }
        }
        if (packages.isEmpty()) {
            return List.of();
        }
        String version = osgiVersion(mavenVersion(file, manifest));
        return packages.stream().map(p -> new Export(p, version)).toList();
    }

    private static String mavenVersion(JarFile file, Manifest manifest) throws IOException {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                Properties props = new Properties();
                try (InputStream in = file.getInputStream(entry)) {
                    props.load(in);
                }
                if (props.getProperty("version") != null) {
                    return props.getProperty("version");
                }
            }
        }
        return manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    }

    /** {@code 5.0.10} stays; {@code 2.0.1-SNAPSHOT} becomes {@code 2.0.1.SNAPSHOT}; garbage gives null. */
    static String osgiVersion(String mavenVersion) {
        if (mavenVersion == null) {
            return null;
        }
        Matcher m = MAVEN_VERSION.matcher(mavenVersion.trim());
        if (!m.matches()) {
            return null;
        }
        StringBuilder v = new StringBuilder(m.group(1))
                .append('.').append(m.group(2) == null ? "0" : m.group(2))
                .append('.').append(m.group(3) == null ? "0" : m.group(3));
        if (m.group(4) != null && !m.group(4).isEmpty()) {
            v.append('.').append(m.group(4).replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        return v.toString();
    }

    /** The jar a {@code jar:file:...!/META-INF/MANIFEST.MF} URL points into; null for directories. */
    private static Path jarOf(URL manifestUrl) throws IOException {
        if (!"jar".equals(manifestUrl.getProtocol())) {
            return null;
        }
        URL jarUrl = ((JarURLConnection) manifestUrl.openConnection()).getJarFileURL();
        if (!"file".equals(jarUrl.getProtocol())) {
            return null;
        }
        try {
            Path path = Path.of(jarUrl.toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException e) {
            throw new IOException("unreadable class path entry " + jarUrl, e);
        }
    }
}
