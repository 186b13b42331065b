package org.synlab.monitoring.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The dashboard as one verticle, so that the HTTP server, the WebSockets, the bus consumers and the
 * timers all run on one event loop: the runs table and the tabs' queues are then touched by one
 * thread only and need no locks.
 */
public final class DashboardServer extends VerticleBase {

    private final PrometheusMeterRegistry registry;
    private final ServerConfig config;
    private final MemoryRunHistory memory;
    private final Tabs tabs = new Tabs();
    private HttpServer server;
    private BusBridge bridge;
    private SpikeFeeds spikes;

    public DashboardServer(PrometheusMeterRegistry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
        this.memory = new MemoryRunHistory(config.maxRuns(), config.seriesCapacity(), System::currentTimeMillis);
    }

    @Override
    public Future<?> start() {
        RunsView runs = new RunsView(config.history(), memory);
        spikes = new SpikeFeeds(vertx, tabs);
        bridge = new BusBridge(vertx, memory, tabs, spikes);
        ResourceSampler resources = new ResourceSampler(registry);
        vertx.setPeriodic(config.resourcesMillis(), id -> {
            if (!tabs.isEmpty()) {
                tabs.text(resources.sample(System.currentTimeMillis()).encode(), true);
            }
        });

        Router router = Router.router(vertx);
        router.route().handler(new OriginCheck());
        router.get("/metrics").handler(new MetricsRoute(vertx, registry));
        new ApiRoutes(vertx, runs, config.historyPoints(), tabs::stats).mount(router);
        new ControlRoutes(vertx).mount(router);
        router.get("/ws").handler(new TabFeed(vertx, tabs, runs, config)::handle);
        Webroot.mount(router);

        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()));
        return server.requestHandler(router).listen();
    }

    @Override
    public Future<?> stop() {
        bridge.close();
        spikes.close();
        return server.close();
    }

    /** The port the server listens on (the chosen one when the configured port was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
