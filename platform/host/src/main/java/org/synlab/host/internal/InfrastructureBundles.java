package org.synlab.host.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The bundles of {@code <dist>/system}: Declarative Services (SCR and its three API bundles),
 * FileInstall, and for the console Gogo and JLine. They are found by symbolic name, not file name,
 * so a newer jar dropped in place works.
 */
final class InfrastructureBundles {

    static final String SCR = "org.apache.felix.scr";
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    static final String JLINE = "org.jline";
    static final String GOGO_JLINE = "org.apache.felix.gogo.jline";

    /** SCR needs its OSGi API bundles resolved first; FileInstall last, once SCR can see plugins arrive. */
    private static final List<String> CORE = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", SCR);
    private static final List<String> CONSOLE = List.of(
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command", JLINE, GOGO_JLINE);

    private final Path dir;
    private final Map<String, Path> jarsBySymbolicName;

    private InfrastructureBundles(Path dir, Map<String, Path> jarsBySymbolicName) {
        this.dir = dir;
        this.jarsBySymbolicName = jarsBySymbolicName;
    }

    static InfrastructureBundles scan(Path systemDir) throws IOException {
        if (!Files.isDirectory(systemDir)) {
            throw new IOException("the infrastructure bundle folder " + systemDir + " does not exist (set -D"
                    + DistributionLayout.HOME_PROPERTY + " to the distribution folder)");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(systemDir, "*.jar")) {
            List<Path> sorted = new ArrayList<>();
            stream.forEach(sorted::add);
            sorted.sort(null);
            for (Path jar : sorted) {
                String bsn = symbolicName(jar);
                if (bsn != null) {
                    jars.putIfAbsent(bsn, jar);
                }
            }
        }
        return new InfrastructureBundles(systemDir, jars);
    }

    /**
     * Installs and starts everything needed, except the console terminal ({@code gogo.jline}),
     * which {@link #startConsole} starts last.
     */
    void installAndStart(BundleContext context, boolean console) throws IOException, BundleException {
        List<String> required = new ArrayList<>(CORE);
        required.add(FILEINSTALL);
        if (console) {
            required.addAll(CONSOLE);
        }
        for (String bsn : required) {
            if (!jarsBySymbolicName.containsKey(bsn)) {
                throw new IOException("the infrastructure bundle " + bsn + " is missing from " + dir);
            }
        }
        List<String> order = new ArrayList<>(CORE);
        jarsBySymbolicName.keySet().stream()
                .filter(bsn -> !CORE.contains(bsn) && !CONSOLE.contains(bsn) && !FILEINSTALL.equals(bsn))
                .forEach(order::add);
        order.add(FILEINSTALL);
        if (console) {
            order.addAll(CONSOLE.subList(0, CONSOLE.indexOf(GOGO_JLINE)));
        }
        List<Bundle> installed = new ArrayList<>();
        for (String bsn : order) {
            installed.add(install(context, bsn));
        }
        for (Bundle bundle : installed) {
            bundle.start();
        }
    }

    /**
     * Starts {@code gogo.jline}, which opens the terminal as soon as it sees Gogo's command
     * processor. JLine finds its terminal providers through the thread context class loader; with
     * the host's loader there it falls back to a dumb terminal, so the JLine bundle's loader is put
     * there for the duration of the start.
     */
    void startConsole(BundleContext context) throws BundleException {
        Bundle jline = find(context, JLINE);
        Bundle gogoJline = install(context, GOGO_JLINE);
        if (jline == null) {
            throw new BundleException("the JLine bundle is not installed");
        }
        jline.start();
        ClassLoader jlineLoader = jline.adapt(BundleWiring.class).getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jlineLoader);
        try {
            gogoJline.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Bundle install(BundleContext context, String bsn) throws BundleException {
        Bundle existing = find(context, bsn);
        if (existing != null) {
            return existing;
        }
        return context.installBundle(jarsBySymbolicName.get(bsn).toUri().toString());
    }

    private static Bundle find(BundleContext context, String bsn) {
        for (Bundle bundle : context.getBundles()) {
            if (bsn.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (value == null) {
                return null;
            }
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        }
    }
}
