package org.synlab.monitoring.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: the registry in Prometheus text format, rendered off the event loop. */
final class MetricsRoute implements Handler<RoutingContext> {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;

    MetricsRoute(Vertx vertx, PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // a registry with many runs' meters takes a few milliseconds to render: not on the event loop
        vertx.executeBlocking(registry::scrape, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }
}
