package org.synlab.host.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for FileInstall's first scan of the plugin folder, so that a headless command does not
 * resolve plugin names before the plugins are there: until every jar in the folder is an ACTIVE
 * bundle (or, once all are installed, one that cannot resolve), and then until the plugin registry
 * has been quiet for a moment, since SCR registers the components of a started bundle after it.
 */
final class DeployFolderScan {

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderScan.class);
    private static final long POLL_MS = 25;
    private static final long QUIET_MS = 200;
    private static final long MAX_SETTLE_MS = 3_000;

    private final Path folder;
    private final BundleContext context;
    private final PluginRegistry registry;

    DeployFolderScan(Path folder, BundleContext context, PluginRegistry registry) {
        this.folder = folder;
        this.context = context;
        this.registry = registry;
    }

    /**
     * @return the jars that are installed but cannot resolve (FileInstall has logged why)
     * @throws TimeoutException naming the jars that did not become active in time
     */
    List<String> await(Duration timeout) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> jars = jars();
        List<String> unresolvable = new ArrayList<>();
        while (true) {
            Map<Path, Bundle> bundles = bundlesByPath();
            List<String> pending = new ArrayList<>();
            unresolvable.clear();
            boolean allInstalled = bundles.keySet().containsAll(jars);
            for (Path jar : jars) {
                Bundle bundle = bundles.get(jar);
                if (bundle == null) {
                    pending.add(jar.getFileName() + " (not installed yet)");
                } else if (bundle.getState() != Bundle.ACTIVE && !resolvedFragment(bundle)) {
                    if (allInstalled && bundle.getState() == Bundle.INSTALLED && !resolvable(bundle)) {
                        unresolvable.add(jar.getFileName().toString());
                    } else {
                        pending.add(jar.getFileName() + " (" + stateName(bundle.getState()) + ")");
                    }
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the plugin bundles in " + folder + " did not start within "
                        + timeout.toSeconds() + " s: " + String.join(", ", pending));
            }
            Thread.sleep(POLL_MS);
        }
        awaitQuietRegistry();
        return List.copyOf(unresolvable);
    }

    private void awaitQuietRegistry() throws InterruptedException {
        long settleDeadline = System.nanoTime() + MAX_SETTLE_MS * 1_000_000;
        long last = registry.changeCount();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < settleDeadline) {
            Thread.sleep(POLL_MS);
            long now = registry.changeCount();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_MS * 1_000_000) {
                return;
            }
        }
        LOG.debug("the plugin registry was still changing after {} ms", MAX_SETTLE_MS);
    }

    /** A fragment never becomes ACTIVE; resolved (attached to its host) is as far as it goes. */
    private static boolean resolvedFragment(Bundle bundle) {
        return bundle.getState() == Bundle.RESOLVED && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private boolean resolvable(Bundle bundle) {
        return context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    private List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            LOG.warn("the plugin folder {} does not exist; no plugins are loaded", folder);
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : stream) {
                jars.add(canonical(jar));
            }
        }
        return jars;
    }

    /** FileInstall installs a jar under its file URI; anything else was not installed by it. */
    private Map<Path, Bundle> bundlesByPath() {
        Map<Path, Bundle> byPath = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location != null && location.startsWith("file:")) {
                try {
                    byPath.put(canonical(Path.of(URI.create(location))), bundle);
                } catch (IllegalArgumentException | IOException e) {
                    LOG.debug("bundle location {} is not a file path", location);
                }
            }
        }
        return byPath;
    }

    private static Path canonical(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }
}
