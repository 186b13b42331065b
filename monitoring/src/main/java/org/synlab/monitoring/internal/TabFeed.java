package org.synlab.monitoring.internal;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /ws}, one WebSocket per tab. On connect the tab gets {@code {"type": "hello", "runs": [...]}}
 * and from then on every run event; it may ask {@code {"type": "history", "run": id, "points": n}}
 * and gets {@code {"type": "history", "run": id, "history": {...}}} (thinned, min/max kept).
 */
final class TabFeed {

    private final Vertx vertx;
    private final Tabs tabs;
    private final RunsView runs;
    private final ServerConfig config;

    TabFeed(Vertx vertx, Tabs tabs, RunsView runs, ServerConfig config) {
        this.vertx = vertx;
        this.tabs = tabs;
        this.runs = runs;
        this.config = config;
    }

    void handle(RoutingContext ctx) {
        ctx.request().toWebSocket().onSuccess(this::open).onFailure(ctx::fail);
    }

    private void open(ServerWebSocket socket) {
        TabConnection tab = new TabConnection(socket, config.sendQueueFrames(), config.socketQueueBytes());
        socket.closeHandler(v -> {
            tab.closed();
            tabs.remove(tab);
        });
        socket.textMessageHandler(text -> request(tab, text));
        socket.pause();
        vertx.executeBlocking(runs::storedRuns, false).onComplete(ar -> {
            if (socket.isClosed()) {
                return;
            }
            JsonArray rows = new JsonArray(runs.merge(ar.succeeded() ? ar.result() : java.util.List.of()));
            JsonObject hello = new JsonObject().put("type", "hello").put("runs", rows)
                    .put("historyPoints", config.historyPoints());
            if (ar.failed()) {
                hello.put("warning", "the run store could not be read: " + ar.cause().getMessage());
            }
            // the snapshot is merged and the tab joins in the same event-loop turn, so no live event falls between
            tab.send(Frame.text(hello.encode(), false));
            tabs.add(tab);
            socket.resume();
        });
    }

    private void request(TabConnection tab, String text) {
        JsonObject req;
        try {
            req = new JsonObject(text);
        } catch (DecodeException e) {
            tab.send(Frame.text(error("not JSON: " + e.getMessage()), false));
            return;
        }
        if (!"history".equals(req.getString("type")) || req.getString("run") == null) {
            tab.send(Frame.text(error("unknown request; send {\"type\": \"history\", \"run\": id}"), false));
            return;
        }
        String id = req.getString("run");
        int points;
        try {
            points = ApiRoutes.points(req.getValue("points") == null ? null : String.valueOf(req.getValue("points")),
                    config.historyPoints());
        } catch (IllegalArgumentException e) {
            tab.send(Frame.text(error(e.getMessage()), false));
            return;
        }
        vertx.executeBlocking(() -> {
            JsonObject h = runs.history(id);
            return h == null ? null : HistoryThinning.thin(h, points);
        }, false).onComplete(ar -> {
            JsonObject reply = new JsonObject().put("type", "history").put("run", id);
            if (ar.failed()) {
                reply.put("error", "the run history failed: " + ar.cause().getMessage());
            } else {
                reply.put("history", ar.result());
            }
            tab.send(Frame.text(reply.encode(), false));
        });
    }

    private static String error(String message) {
        return new JsonObject().put("type", "error").put("message", message).encode();
    }
}
