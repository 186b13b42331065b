package org.synlab.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Felix with its storage in a fresh temporary folder, so every start begins from the
 * same state; the folder is deleted when the framework is closed.
 */
public final class EmbeddedFramework implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFramework.class);
    private static final long STOP_TIMEOUT_MS = 15_000;

    private final Felix felix;
    private final Path storage;
    private boolean closed;

    private EmbeddedFramework(Felix felix, Path storage) {
        this.felix = felix;
        this.storage = storage;
    }

    /**
     * Initialises and starts the framework (no bundles yet).
     *
     * @param systemPackagesExtra the host packages exported to bundles
     * @param properties          further framework properties, readable by bundles (FileInstall, Gogo)
     */
    public static EmbeddedFramework start(String systemPackagesExtra, Map<String, String> properties)
            throws IOException, BundleException {
        Path storage = Files.createTempDirectory("synlab-osgi-");
        Map<String, Object> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra);
        config.put("felix.log.level", "1");
        config.put("felix.log.logger", new FelixLogBridge());
        Felix felix = new Felix(config);
        try {
            felix.init();
            felix.start();
        } catch (BundleException | RuntimeException e) {
            deleteTree(storage);
            throw e;
        }
        return new EmbeddedFramework(felix, storage);
    }

    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** Where bundles may keep temporary files that go with the framework. */
    public Path storage() {
        return storage;
    }

    /** Blocks until the framework stops (console {@code exit}, {@code stop 0}, or {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        felix.waitForStop(0);
    }

    /** Stops every bundle (plugins first, by start level and reverse install order) and deletes the storage. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            felix.stop();
            FrameworkEvent event = felix.waitForStop(STOP_TIMEOUT_MS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("the OSGi framework did not stop within {} s", STOP_TIMEOUT_MS / 1000);
            }
        } catch (BundleException e) {
            LOG.warn("stopping the OSGi framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(storage);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot delete {}", root, e);
        }
    }
}
