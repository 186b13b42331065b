package org.synlab.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synlab.monitoring.TestSupport.await;
import static org.synlab.monitoring.TestSupport.get;
import static org.synlab.monitoring.TestSupport.post;
import static org.synlab.monitoring.TestSupport.waitFor;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard over real HTTP on a real Vert.x: /metrics, the JSON API, the page's files, start and stop. */
class DashboardHttpTest {

    // held here: the registry keeps only a weak reference to a gauge's object, as HostMetrics' field does
    private static final AtomicInteger ACTIVE = new AtomicInteger(1);
    private static Vertx vertx;
    private static PrometheusMeterRegistry registry;
    private static Dashboard dashboard;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // the meters the host's HostMetrics registers, with the names and tags it uses
        registry.gauge("synlab.runs.active", ACTIVE);
        registry.counter("synlab.runs.started").increment(3);
        registry.counter("synlab.runs.finished", "status", "completed").increment(2);
        registry.counter("synlab.run.events", "event", "progress").increment(40);
        Timer.builder("synlab.run.seconds").register(registry).record(Duration.ofMillis(1500));
        dashboard = await(Dashboard.start(vertx, registry));
        url = dashboard.url();
    }

    @AfterAll
    static void stop() throws Exception {
        await(dashboard.close());
        await(vertx.close());
    }

    @Test
    void listensOnLoopbackAtTheAddressItReports() {
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        assertTrue(dashboard.port() > 0);
    }

    @Test
    void metricsAreStrictPrometheusTextWithTheRegistrysValues() throws Exception {
        HttpResponse<String> res = get(url + "metrics");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        PrometheusText text = PrometheusText.parse(res.body());
        assertEquals(3.0, text.value("synlab_runs_started_total", Map.of()));
        assertEquals(2.0, text.value("synlab_runs_finished_total", Map.of("status", "completed")));
        assertEquals(40.0, text.value("synlab_run_events_total", Map.of("event", "progress")));
        assertEquals(1.0, text.value("synlab_runs_active", Map.of()));
        assertEquals(1.0, text.value("synlab_run_seconds_count", Map.of()));
        assertEquals(1.5, text.value("synlab_run_seconds_sum", Map.of()), 1e-9);
        assertEquals("counter", text.types.getOrDefault("synlab_runs_started_total", text.types.get("synlab_runs_started")));
        // the resources chart's meters are bound when the host has not bound them
        assertTrue(text.samples.stream().anyMatch(s -> s.name().equals("jvm_memory_used_bytes") && "heap".equals(s.labels().get("area"))));
        assertTrue(text.samples.stream().anyMatch(s -> s.name().equals("process_cpu_usage")));
    }

    @Test
    void theStrictParserRejectsMalformedText() {
        List<String> bad = List.of("a{b=\"c} 1\n", "a 1", "1a 2\n", "a{b=\"\\x\"} 1\n", "a one\n",
                "# TYPE a counter\n# TYPE a counter\n", "a 1\nb 1\na 2\n", "a 1\na 1\n", "a 1\n# TYPE a gauge\n");
        for (String text : bad) {
            try {
                PrometheusText.parse(text);
                throw new AssertionError("accepted " + text);
            } catch (IllegalArgumentException expected) {
                assertFalse(expected.getMessage().isEmpty());
            }
        }
    }

    @Test
    void runsSeenOnTheBusAreListedWithStatusLastAndBestValues() throws Exception {
        EventBus bus = vertx.eventBus();
        TestSupport.started(bus, "api-1", "experiments/xor.yaml");
        TestSupport.progress(bus, "api-1", 1, 3, 0.8, 0.5);
        TestSupport.progress(bus, "api-1", 2, 3, 0.3, 0.9);
        TestSupport.progress(bus, "api-1", 3, 3, 0.5, 0.7);
        TestSupport.finished(bus, "api-1", "experiments/xor.yaml", "completed");
        JsonObject[] row = new JsonObject[1];
        waitFor("api-1 completed", 5000, () -> {
            row[0] = find(runs(), "api-1");
            return row[0] != null && "completed".equals(row[0].getString("status"));
        });
        assertEquals("experiments/xor.yaml", row[0].getString("experiment"));
        assertEquals(0.5, row[0].getJsonObject("metrics").getDouble("train.loss"));
        assertEquals(0.3, row[0].getJsonObject("best").getDouble("train.loss"));
        assertEquals(0.9, row[0].getJsonObject("best").getDouble("train.accuracy"));
        assertEquals(0.97, row[0].getJsonObject("metrics").getDouble("test.accuracy"));
    }

    @Test
    void aLongHistoryIsThinnedServerSideKeepingItsExtremes() throws Exception {
        EventBus bus = vertx.eventBus();
        int n = 5000;
        TestSupport.started(bus, "long-1", "experiments/long.yaml");
        for (int i = 1; i <= n; i++) {
            TestSupport.progress(bus, "long-1", i, n, i == 2500 ? 42.0 : 1.0 / i, 0.5);
        }
        waitFor("all points", 10_000, () -> historyPoints("long-1", 1_000_000) == n);
        JsonObject thin = new JsonObject(get(url + "api/runs/long-1/history?points=100").body());
        JsonObject loss = thin.getJsonObject("series").getJsonObject("train.loss");
        assertTrue(loss.getJsonArray("x").size() <= 100, "got " + loss.getJsonArray("x").size());
        assertTrue(loss.getJsonArray("y").contains(42.0), "the spike at step 2500 was thinned away");
        assertEquals(1.0, loss.getJsonArray("y").getDouble(0), "the first point is kept");
        assertEquals(400, get(url + "api/runs/long-1/history?points=abc").statusCode());
        assertEquals(404, get(url + "api/runs/nope/history").statusCode());
    }

    @Test
    void thePageAndUplotAreServedFromTheClassPath() throws Exception {
        HttpResponse<String> index = get(url);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("vendor/uplot/dist/uPlot.iife.min.js"));
        assertFalse(index.body().contains("http://") || index.body().contains("https://"), "the page must not load anything from the network");
        HttpResponse<String> uplot = get(url + "vendor/uplot/dist/uPlot.iife.min.js");
        assertEquals(200, uplot.statusCode());
        assertTrue(uplot.body().startsWith("/*! https://github.com/leeoniya/uPlot"), "uPlot's licence header");
        assertEquals(200, get(url + "vendor/uplot/dist/uPlot.min.css").statusCode());
        assertEquals(200, get(url + "app.js").statusCode());
        assertEquals(200, get(url + "style.css").statusCode());
    }

    @Test
    void startAndStopAreForwardedToTheBusAndTheirAnswersReturned() throws Exception {
        HttpResponse<String> none = post(url + "api/runs/start", "{\"experiment\": \"experiments/xor.yaml\"}", null);
        assertEquals(503, none.statusCode());
        assertTrue(new JsonObject(none.body()).getString("error").contains("nothing handles synlab.runs.start"), none.body());

        JsonObject[] received = new JsonObject[2];
        MessageConsumer<JsonObject> start = vertx.eventBus().consumer(Dashboard.START_ADDRESS, m -> {
            received[0] = m.body();
            m.reply(new JsonObject().put("run", "new-1"));
        });
        MessageConsumer<JsonObject> stop = vertx.eventBus().consumer(Dashboard.STOP_ADDRESS, m -> {
            received[1] = m.body();
            m.fail(404, "no running run " + m.body().getString("run"));
        });
        try {
            await(start.completion());
            await(stop.completion());
            HttpResponse<String> ok = post(url + "api/runs/start", "{\"experiment\": \" experiments/xor.yaml \"}", null);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("new-1", new JsonObject(ok.body()).getJsonObject("reply").getString("run"));
            assertEquals("experiments/xor.yaml", received[0].getString("experiment"));

            HttpResponse<String> failed = post(url + "api/runs/r%2099/stop", "{}", null);
            assertEquals(422, failed.statusCode());
            assertEquals("r 99", received[1].getString("run"));
            assertTrue(new JsonObject(failed.body()).getString("error").contains("no running run r 99"));

            assertEquals(400, post(url + "api/runs/start", "{}", null).statusCode());
            assertEquals(400, post(url + "api/runs/start", "not json", null).statusCode());
        } finally {
            await(start.unregister());
            await(stop.unregister());
        }
    }

    @Test
    void requestsFromOtherSitesAreRefused() throws Exception {
        HttpResponse<String> res = post(url + "api/runs/start", "{\"experiment\": \"x.yaml\"}", "http://evil.example");
        assertEquals(403, res.statusCode());
        String self = url.substring(0, url.length() - 1);
        assertEquals(503, post(url + "api/runs/start", "{\"experiment\": \"x.yaml\"}", self).statusCode());
    }

    @Test
    void theHostsRunHistoryIsListedAndServedBesideLiveRuns() throws Exception {
        RunHistory store = new RunHistory() {
            @Override
            public List<JsonObject> runs() {
                return List.of(new JsonObject().put("run", "old-1").put("experiment", "experiments/old.yaml")
                        .put("status", "interrupted").put("metrics", new JsonObject().put("train.loss", 0.25)));
            }

            @Override
            public JsonObject history(String runId) {
                return "old-1".equals(runId) ? new JsonObject().put("run", "old-1").put("status", "interrupted")
                        .put("series", new JsonObject().put("train.loss", new JsonObject()
                                .put("x", new JsonArray().add(1).add(2)).put("y", new JsonArray().add(0.5).add(0.25)))) : null;
            }
        };
        Dashboard withStore = await(Dashboard.start(vertx, registry, Dashboard.Options.defaults().withHistory(store)));
        try {
            TestSupport.started(vertx.eventBus(), "live-1", "experiments/live.yaml");
            waitFor("live-1 listed", 5000, () -> find(runs(withStore.url()), "live-1") != null);
            JsonArray all = runs(withStore.url());
            assertEquals("interrupted", find(all, "old-1").getString("status"));
            JsonObject h = new JsonObject(get(withStore.url() + "api/runs/old-1/history").body());
            assertEquals(0.25, h.getJsonObject("series").getJsonObject("train.loss").getJsonArray("y").getDouble(1));
            // a run the store does not know yet comes from what the bus brought
            assertEquals(200, get(withStore.url() + "api/runs/live-1/history").statusCode());
        } finally {
            await(withStore.close());
        }
    }

    private static JsonArray runs() {
        return runs(url);
    }

    private static JsonArray runs(String base) {
        try {
            return new JsonArray(get(base + "api/runs").body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject find(JsonArray runs, String id) {
        return runs.stream().map(JsonObject.class::cast).filter(r -> id.equals(r.getString("run"))).findFirst().orElse(null);
    }

    private static int historyPoints(String run, int points) {
        try {
            HttpResponse<String> res = get(url + "api/runs/" + run + "/history?points=" + points);
            if (res.statusCode() != 200) {
                return -1;
            }
            JsonObject s = new JsonObject(res.body()).getJsonObject("series").getJsonObject("train.loss");
            return s == null ? 0 : s.getJsonArray("x").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
