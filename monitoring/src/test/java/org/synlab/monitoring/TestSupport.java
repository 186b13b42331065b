package org.synlab.monitoring;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Publishes run events as the host does (RunEvents' bodies plus the "event" field) and waits for things. */
final class TestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static void started(EventBus bus, String run, String experiment) {
        bus.publish(Dashboard.EVENTS_ADDRESS, new JsonObject().put("event", "started").put("run", run)
                .put("experiment", experiment).put("seed", 42).put("backend", "cpu").put("parts", new io.vertx.core.json.JsonArray()));
    }

    static void progress(EventBus bus, String run, int epoch, int epochs, double loss, double accuracy) {
        bus.publish(Dashboard.EVENTS_ADDRESS, new JsonObject().put("event", "progress").put("run", run)
                .put("epoch", epoch).put("epochs", epochs).put("fraction", (double) epoch / epochs)
                .put("metrics", new JsonObject().put("train.loss", loss).put("train.accuracy", accuracy)
                        .put("samples_per_second", 1000.0 + epoch).put("epoch_seconds", 0.25)));
    }

    static void finished(EventBus bus, String run, String experiment, String status) {
        bus.publish(Dashboard.EVENTS_ADDRESS, new JsonObject().put("event", "finished").put("run", run)
                .put("experiment", experiment).put("status", status).putNull("reason").put("seed", 42)
                .put("backend", "cpu").put("wall_seconds", 1.5).put("metrics", new JsonObject().put("test.accuracy", 0.97)));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String json, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void waitFor(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }
}
