package org.synlab.monitoring.internal;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /api/runs/start} ({@code {"experiment": path}}, optionally {@code "overrides": ["key=value", ...]})
 * and {@code POST /api/runs/:id/stop}:
 * forwarded as requests to {@code synlab.runs.start} and {@code synlab.runs.stop}. The host decides;
 * the page shows its reply, or why there was none.
 */
final class ControlRoutes {

    static final long REPLY_TIMEOUT_MILLIS = 10_000;
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;

    ControlRoutes(Vertx vertx) {
        this.vertx = vertx;
    }

    void mount(Router router) {
        router.post("/api/runs/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.post("/api/runs/start").handler(this::start);
        router.post("/api/runs/:id/stop").handler(ctx -> forward(ctx, Addresses.STOP, new JsonObject().put("run", ctx.pathParam("id"))));
    }

    private void start(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            ApiRoutes.error(ctx, 400, "the body is not JSON: " + e.getMessage());
            return;
        }
        String experiment = body == null ? null : body.getString("experiment");
        if (experiment == null || experiment.isBlank()) {
            ApiRoutes.error(ctx, 400, "give the experiment file's path as {\"experiment\": \"experiments/....yaml\"}");
            return;
        }
        JsonObject request = new JsonObject().put("experiment", experiment.strip());
        if (body.getValue("overrides") instanceof io.vertx.core.json.JsonArray overrides) {
            request.put("overrides", overrides); // dotted key=value strings, as on the command line
        }
        forward(ctx, Addresses.START, request);
    }

    private void forward(RoutingContext ctx, String address, JsonObject request) {
        vertx.eventBus().request(address, request, new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT_MILLIS))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        Object reply = ar.result().body();
                        ApiRoutes.json(ctx, 200, new JsonObject().put("ok", true).put("reply", reply).encode());
                        return;
                    }
                    if (ar.cause() instanceof ReplyException re) {
                        switch (re.failureType()) {
                            case NO_HANDLERS -> ApiRoutes.error(ctx, 503, "nothing handles " + address
                                    + " yet: this host cannot start or stop runs from the page");
                            case TIMEOUT -> ApiRoutes.error(ctx, 504, "no reply on " + address + " within "
                                    + REPLY_TIMEOUT_MILLIS / 1000 + " s");
                            default -> ApiRoutes.error(ctx, 422, re.getMessage());
                        }
                    } else {
                        ApiRoutes.error(ctx, 500, String.valueOf(ar.cause().getMessage()));
                    }
                });
    }
}
