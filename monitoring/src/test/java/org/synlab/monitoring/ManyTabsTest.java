package org.synlab.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synlab.monitoring.TestSupport.await;
import static org.synlab.monitoring.TestSupport.get;
import static org.synlab.monitoring.TestSupport.waitFor;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ten tabs on the WebSocket feed while a run streams thousands of progress events; half of them stop
 * reading for a while, as a throttled background tab does. Every tab must end on the latest state,
 * the tabs that keep reading must lose nothing, and no tab's send queue may grow past its bound.
 */
class ManyTabsTest {

    private static final int TABS = 10;
    private static final int BOUND = 16;
    private static final int EVENTS = 4000;

    /** What one client saw. Written on the client's event loop, read by the test thread. */
    static final class Seen {
        final AtomicBoolean hello = new AtomicBoolean();
        final AtomicInteger lastEpoch = new AtomicInteger();
        final AtomicInteger progress = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();
        final AtomicBoolean orderBroken = new AtomicBoolean();
    }

    @Test
    void everyTabEndsOnTheLatestStateAndNoQueueOutgrowsItsBound() throws Exception {
        Vertx vertx = Vertx.vertx();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // a small socket buffer, so that a tab that stops reading fills its queue within the test
        Dashboard dashboard = await(Dashboard.start(vertx, registry, Dashboard.Options.defaults().withSendQueue(BOUND, 2048)));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 20));
        try {
            List<WebSocket> sockets = new ArrayList<>();
            List<Seen> seen = new ArrayList<>();
            for (int i = 0; i < TABS; i++) {
                Seen s = new Seen();
                // the handler is set in the connect callback, on the socket's own event loop, so the hello cannot slip past it
                WebSocket ws = await(client.connect(dashboard.port(), "127.0.0.1", "/ws")
                        .onSuccess(w -> w.textMessageHandler(text -> record(s, new JsonObject(text)))));
                sockets.add(ws);
                seen.add(s);
            }
            waitFor("every hello", 5000, () -> seen.stream().allMatch(s -> s.hello.get()));
            waitFor("every tab registered", 5000, () -> stats(dashboard).getInteger("open") == TABS);

            // the slow half stops reading while the run streams
            for (int i = 0; i < TABS / 2; i++) {
                sockets.get(i).pause();
            }
            EventBus bus = vertx.eventBus();
            TestSupport.started(bus, "load-1", "experiments/load.yaml");
            // bursts of BOUND events, then a wait until the reading tabs have them: a tab that keeps up is one
            // that has read the last burst (on a loaded machine an unpaced stream can starve even a reading
            // tab's event loop, and then it drops frames like a throttled one)
            List<Seen> reading = seen.subList(TABS / 2, TABS);
            for (int e = 1; e <= EVENTS; e++) {
                publishWidely(bus, e);
                if (e % BOUND == 0) {
                    int published = e;
                    waitBriefly("the reading tabs to read epoch " + e, 10_000,
                            () -> reading.stream().allMatch(t -> t.lastEpoch.get() >= published));
                }
            }
            TestSupport.finished(bus, "load-1", "experiments/load.yaml", "completed");
            waitFor("the fast tabs to finish", 20_000, () -> seen.subList(TABS / 2, TABS).stream().allMatch(s -> s.finished.get()));
            JsonObject during = stats(dashboard);
            for (int i = 0; i < TABS / 2; i++) {
                sockets.get(i).resume();
            }
            waitFor("the slow tabs to finish", 20_000, () -> seen.stream().allMatch(s -> s.finished.get()));

            JsonObject after = stats(dashboard);
            for (int i = 0; i < TABS; i++) {
                Seen s = seen.get(i);
                assertEquals(EVENTS, s.lastEpoch.get(), "tab " + i + " did not get the latest progress");
                assertTrue(!s.orderBroken.get(), "tab " + i + " got progress out of order");
            }
            for (int i = TABS / 2; i < TABS; i++) {
                assertEquals(EVENTS, seen.get(i).progress.get(), "a tab that keeps up must lose nothing");
            }
            assertTrue(after.getInteger("peak") <= BOUND, "a queue grew to " + after.getInteger("peak") + " frames");
            assertTrue(during.getInteger("queued") <= (TABS / 2) * BOUND, "queued " + during.getInteger("queued"));
            // the bound was reached and enforced, not merely never needed
            assertTrue(after.getLong("dropped") > 0, "no frame was dropped: the slow tabs never fell behind " + after);
            assertTrue(seen.subList(0, TABS / 2).stream().anyMatch(s -> s.progress.get() < EVENTS));
            assertEquals(TABS, after.getInteger("open"), "no tab should have been closed as too slow");
        } finally {
            await(client.close());
            await(dashboard.close());
            await(vertx.close());
        }
    }

    private static void record(Seen s, JsonObject msg) {
        switch (msg.getString("type")) {
            case "hello" -> s.hello.set(true);
            case "event" -> {
                if ("progress".equals(msg.getString("event"))) {
                    int epoch = msg.getJsonObject("body").getInteger("epoch");
                    if (epoch <= s.lastEpoch.get()) {
                        s.orderBroken.set(true);
                    }
                    s.lastEpoch.set(epoch);
                    s.progress.incrementAndGet();
                } else if ("finished".equals(msg.getString("event"))) {
                    s.finished.set(true);
                }
            }
            default -> {
            }
        }
    }

    /** A progress event with a few dozen metrics, about the size a wide network reports. */
    /** Like {@link TestSupport#waitFor}, polling every millisecond: it runs once per burst. */
    private static void waitBriefly(String what, long millis, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    private static void publishWidely(EventBus bus, int epoch) {
        JsonObject metrics = new JsonObject().put("train.loss", 1.0 / epoch).put("train.accuracy", 0.5);
        for (int k = 0; k < 30; k++) {
            metrics.put("layer" + k + ".weight_norm", epoch * 0.001 + k);
        }
        bus.publish(Dashboard.EVENTS_ADDRESS, new JsonObject().put("event", "progress").put("run", "load-1")
                .put("epoch", epoch).put("epochs", EVENTS).put("fraction", (double) epoch / EVENTS).put("metrics", metrics));
    }

    private static JsonObject stats(Dashboard dashboard) {
        try {
            return new JsonObject(get(dashboard.url() + "api/stats").body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
