package org.synlab.host.internal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synlab.host.internal.store.RunRecorder;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoreSettings;

/**
 * The running host: Micrometer, Vert.x, the embedded framework with its infrastructure bundles
 * (the run store opening beside it), the plugin registry and the run manager, started in that
 * order and closed in reverse, the store right after the runs so that their ends are committed.
 */
public final class Host implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    private static final Duration RUN_STOP_WAIT = Duration.ofSeconds(5);

    /**
     * @param layout      where the bundles are
     * @param consoleArgs null for a headless host; else the Gogo shell's {@code gosh.args}
     *                    ({@code ""} for an interactive console that stops the host when it exits)
     * @param scanTimeout how long to wait for the plugin folder's first scan
     * @param store       where runs are recorded, or {@link StoreSettings#off()}
     */
    public record Options(DistributionLayout layout, String consoleArgs, Duration scanTimeout, StoreSettings store) {

        /** With the run store the system properties name ({@link StoreSettings#fromSystemProperties()}). */
        public Options(DistributionLayout layout, String consoleArgs, Duration scanTimeout) {
            this(layout, consoleArgs, scanTimeout, StoreSettings.fromSystemProperties());
        }

        public boolean console() {
            return consoleArgs != null;
        }
    }

    private final Options options;
    private final PrometheusMeterRegistry meters;
    private final Vertx vertx;
    private final HostMetrics metrics;
    private final RunEvents events;
    private final InfrastructureBundles infrastructure;
    private EmbeddedFramework framework;
    private PluginRegistry registry;
    private RunStore store;
    /** Set while the store opens beside Felix, so that a start failing meanwhile still closes it. */
    private CompletableFuture<RunStore> storeOpening;
    private RunManager runs;
    private RunPreparer preparer;
    private List<String> unresolvedPlugins = List.of();
    private boolean closed;

    private Host(Options options, InfrastructureBundles infrastructure) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        this.metrics = new HostMetrics(meters);
        this.events = new RunEvents(vertx.eventBus(), metrics);
    }

    /** Starts everything and waits for the plugin folder's first scan. */
    public static Host start(Options options) throws HostStartException {
        InfrastructureBundles infrastructure;
        try {
            infrastructure = InfrastructureBundles.scan(options.layout().systemDir());
        } catch (Exception e) {
            throw new HostStartException(e.getMessage(), e);
        }
        Host host = new Host(options, infrastructure);
        try {
            host.boot();
            return host;
        } catch (Exception e) {
            host.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new HostStartException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private void boot() throws Exception {
        FileInstallLog.install();
        String exports = SystemPackages.header(new SystemPackages(SystemPackages.ALLOWLIST)
                .compute(Host.class.getClassLoader()));
        LOG.debug("exported to plugins: {}", exports);
        // the store opens (and marks the runs of hosts that died mid-run interrupted) while Felix starts
        CompletableFuture<RunStore> opening = openStore();
        framework = EmbeddedFramework.start(exports, frameworkProperties());
        registry = new PluginRegistry(framework.context());
        runs = new RunManager(events, metrics, RUN_STOP_WAIT);
        store = awaitStore(opening);
        if (store != null) {
            PluginRegistry plugins = registry;
            runs.addLifecycle(new RunRecorder(store, ref -> plugins.find(ref.kind(), ref.name())));
        }
        registry.addListener(runs);
        registry.open();
        preparer = new RunPreparer(registry, meters, vertx.eventBus());
        infrastructure.installAndStart(framework.context(), options.console());
        unresolvedPlugins = new DeployFolderScan(options.layout().bundlesDir(), framework.context(), registry)
                .await(options.scanTimeout());
        for (String jar : unresolvedPlugins) {
            LOG.warn("the plugin bundle {} cannot be resolved and is not loaded (see the FileInstall error above)", jar);
        }
        registry.announceChanges();
    }

    private CompletableFuture<RunStore> openStore() {
        if (!options.store().enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<RunStore> opening = CompletableFuture.supplyAsync(() -> RunStore.open(options.store()),
                task -> Thread.ofPlatform().name("synlab-store-open").daemon(true).start(task));
        storeOpening = opening;
        return opening;
    }

    private static RunStore awaitStore(CompletableFuture<RunStore> opening) throws InterruptedException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("felix.fileinstall.dir", options.layout().bundlesDir().toString());
        props.put("felix.fileinstall.poll", "500");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.start.level", "1");
        props.put("felix.fileinstall.bundles.new.start", "true");
        props.put("felix.fileinstall.filter", ".*\\.jar");
        // FileInstall prints to stdout unless told to use java.util.logging (stderr)
        props.put("felix.fileinstall.log.default", "jul");
        props.put("felix.fileinstall.log.level", "2");
        props.put("ds.loglevel", "warn");
        if (options.console()) {
            props.put("gosh.args", options.consoleArgs());
        }
        return props;
    }

    /** Opens the interactive console (Gogo with JLine); the last thing started. */
    public void openConsole() throws HostStartException {
        try {
            infrastructure.startConsole(framework.context());
        } catch (Exception e) {
            throw new HostStartException("cannot open the console: " + e.getMessage(), e);
        }
    }

    public BundleContext context() {
        return framework.context();
    }

    public PluginRegistry plugins() {
        return registry;
    }

    public RunManager runs() {
        return runs;
    }

    /** The run store; empty when it is switched off. */
    public Optional<RunStore> store() {
        return Optional.ofNullable(store);
    }

    public RunPreparer preparer() {
        return preparer;
    }

    public RunEvents events() {
        return events;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** The host's Vert.x: its event bus carries the run events; the dashboard is served on it. */
    public Vertx vertx() {
        return vertx;
    }

    public DistributionLayout layout() {
        return options.layout();
    }

    /** Plugin jars that were found but could not be resolved. */
    public List<String> unresolvedPlugins() {
        return unresolvedPlugins;
    }

    /** Blocks until the framework stops, from the console or from {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        framework.awaitStop();
    }

    /** Cancels runs, stops the framework (deleting its storage), then Vert.x and Micrometer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (runs != null) {
            runs.close();
        }
        if (store != null) {
            // after the runs: their ends are queued by now, and closing commits them
            store.close();
        } else if (storeOpening != null) {
            storeOpening.thenAccept(RunStore::close);
        }
        if (registry != null) {
            try {
                registry.close();
            } catch (IllegalStateException e) {
                LOG.debug("the framework had already stopped", e);
            }
        }
        if (framework != null) {
            framework.close();
        }
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Vert.x did not close within 5 s");
        } catch (Exception e) {
            LOG.debug("closing Vert.x failed", e);
        }
        meters.close();
    }
}
