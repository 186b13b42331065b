package org.synlab.monitoring.internal;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * The JSON API: {@code GET /api/runs} (the runs table), {@code GET /api/runs/:id/history?points=N}
 * (one run's curves, thinned to at most N points each with min/max per bucket) and
 * {@code GET /api/stats} (how the tabs keep up).
 */
final class ApiRoutes {

    private final Vertx vertx;
    private final RunsView runs;
    private final int defaultPoints;
    private final Supplier<SendStats> stats;

    ApiRoutes(Vertx vertx, RunsView runs, int defaultPoints, Supplier<SendStats> stats) {
        this.vertx = vertx;
        this.runs = runs;
        this.defaultPoints = defaultPoints;
        this.stats = stats;
    }

    void mount(Router router) {
        router.get("/api/runs").handler(this::runs);
        router.get("/api/runs/:id/history").handler(this::history);
        router.get("/api/stats").handler(ctx -> json(ctx, 200, stats.get().toJson().encode()));
    }

    private void runs(RoutingContext ctx) {
        vertx.executeBlocking(runs::storedRuns, false).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 500, "the run history failed: " + ar.cause().getMessage());
                return;
            }
            // merged on the event loop, where the live rows change
            json(ctx, 200, new JsonArray(runs.merge(ar.result())).encode());
        });
    }

    private void history(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int points;
        try {
            points = points(ctx.request().getParam("points"), defaultPoints);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> {
            JsonObject h = runs.history(id);
            return h == null ? null : HistoryThinning.thin(h, points);
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 500, "the run history failed: " + ar.cause().getMessage());
            } else if (ar.result() == null) {
                error(ctx, 404, "no run " + id);
            } else {
                json(ctx, 200, ar.result().encode());
            }
        });
    }

    static int points(String param, int fallback) {
        if (param == null || param.isEmpty()) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(param);
            if (p < Downsampler.MIN_POINTS || p > 1_000_000) {
                throw new IllegalArgumentException("points must be between " + Downsampler.MIN_POINTS + " and 1000000, not " + p);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("points must be a whole number, not " + param);
        }
    }

    static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body);
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message).encode());
    }
}
