package org.synlab.host.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.RunEvents;
import org.synlab.host.internal.TestBundles;
import org.synlab.host.internal.TestTasks;
import org.synlab.monitoring.Dashboard;

/** The dashboard as serve starts it: on the real host's Vert.x, bus and meters, with its request handlers. */
class DashboardControlTest {

    @TempDir
    Path temp;

    private Host host;
    private DashboardControl dashboard;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        host = Host.start(new Host.Options(new DistributionLayout(TestBundles.systemDir(),
                Files.createDirectories(temp.resolve("bundles"))), null, Duration.ofSeconds(10)));
        dashboard = DashboardControl.start(host, "127.0.0.1", 0);
    }

    @AfterEach
    void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void servesThePageTheRunsAndTheHostsMetrics() throws Exception {
        assertTrue(dashboard.url().startsWith("http://127.0.0.1:"), dashboard.url());

        assertEquals(200, get("").statusCode());
        HttpResponse<String> runs = get("api/runs");
        assertEquals(200, runs.statusCode());
        assertInstanceOf(JsonArray.class, new JsonObject("{\"r\":" + runs.body() + "}").getValue("r"), runs.body());
        String metrics = get("metrics").body();
        assertTrue(metrics.contains("synlab_runs_active"), metrics);
    }

    @Test
    void aRunsEventsReachTheDashboardsAddressAndItsStopRequestStopsTheRun() throws Exception {
        CompletableFuture<JsonObject> started = new CompletableFuture<>();
        CompletableFuture<JsonObject> finished = new CompletableFuture<>();
        host.events().bus().<JsonObject>consumer(RunEvents.ALL_RUNS, m -> {
            if ("started".equals(m.body().getString("event"))) {
                started.complete(m.body());
            } else if ("finished".equals(m.body().getString("event"))) {
                finished.complete(m.body());
            }
        }).completion().await();
        String id = host.runs().newRunId();
        host.runs().start(id, TestTasks.untilCancelled(Set.of(), 0));

        assertEquals(id, started.get(10, TimeUnit.SECONDS).getString("run"));
        JsonObject reply = host.events().bus().<JsonObject>request(Dashboard.STOP_ADDRESS,
                new JsonObject().put("run", id)).await().body();
        assertEquals(id, reply.getString("run"));
        JsonObject end = finished.get(10, TimeUnit.SECONDS);
        // a stopped run ends as failed, with the reason it was stopped
        assertEquals("failed", end.getString("status"), end.encode());
        assertEquals("stopped from the dashboard", end.getString("reason"), end.encode());
    }

    @Test
    void aBadStartOrStopRequestIsRefusedWithWhatWasWrong() {
        Path missing = temp.resolve("missing.yaml");
        ReplyException start = refused(Dashboard.START_ADDRESS, new JsonObject().put("experiment", missing.toString()));
        assertEquals(DashboardControl.BAD_REQUEST, start.failureCode());
        assertTrue(start.getMessage().contains(missing.toString()), start.getMessage());

        ReplyException noFile = refused(Dashboard.START_ADDRESS, new JsonObject());
        assertTrue(noFile.getMessage().contains("experiment"), noFile.getMessage());

        ReplyException stop = refused(Dashboard.STOP_ADDRESS, new JsonObject().put("run", "r-nothere"));
        assertEquals(DashboardControl.NOT_FOUND, stop.failureCode());
        assertTrue(stop.getMessage().contains("r-nothere"), stop.getMessage());
    }

    private ReplyException refused(String address, JsonObject body) {
        try {
            host.events().bus().request(address, body).await();
        } catch (ReplyException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a refusal from " + address + ", got " + e, e);
        }
        throw new AssertionError("expected a refusal from " + address);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
