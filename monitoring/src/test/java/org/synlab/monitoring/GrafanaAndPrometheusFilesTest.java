package org.synlab.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synlab.monitoring.TestSupport.await;
import static org.synlab.monitoring.TestSupport.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus scrape file against a real scrape of a host-like setup
 * (Vert.x with Micrometer metrics on, as the host builds it, and the host's own meter names): every
 * metric a panel queries, and every label it groups by, must exist.
 */
class GrafanaAndPrometheusFilesTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:synlab|vertx|jvm|process|system)_[a-z0-9_]+)\\b");
    private static final Pattern BY = Pattern.compile("by \\(([a-z_, ]+)\\)");
    private static final AtomicInteger ACTIVE = new AtomicInteger(1);

    @Test
    void everyPanelQueriesMetricsAndLabelsTheHostExposes() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        // the names and tags of platform/host's HostMetrics
        registry.gauge("synlab.runs.active", ACTIVE);
        registry.counter("synlab.runs.started").increment();
        registry.counter("synlab.runs.finished", "status", "completed").increment();
        registry.counter("synlab.run.events", "event", "progress").increment();
        Timer.builder("synlab.run.seconds").register(registry).record(Duration.ofSeconds(2));
        Dashboard dashboard = await(Dashboard.start(vertx, registry));
        try {
            vertx.eventBus().publish(Dashboard.EVENTS_ADDRESS, new JsonObject().put("event", "started").put("run", "g1"));
            get(dashboard.url());
            get(dashboard.url() + "metrics");
            PrometheusText scrape = PrometheusText.parse(get(dashboard.url() + "metrics").body());
            Set<String> names = new HashSet<>();
            scrape.samples.forEach(s -> names.add(s.name()));

            JsonNode dash = new ObjectMapper().readTree(Path.of("grafana", "synlab-dashboard.json").toFile());
            assertEquals("datasource", dash.at("/templating/list/0/name").asText());
            Set<Integer> ids = new HashSet<>();
            Set<String> queried = new TreeSet<>();
            for (JsonNode panel : dash.get("panels")) {
                assertTrue(ids.add(panel.get("id").asInt()), "duplicate panel id " + panel.get("id"));
                if ("row".equals(panel.get("type").asText())) {
                    continue;
                }
                assertEquals("${datasource}", panel.at("/datasource/uid").asText(), panel.get("title").asText());
                assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText();
                    Set<String> inExpr = new TreeSet<>();
                    Matcher m = METRIC.matcher(expr);
                    while (m.find()) {
                        inExpr.add(m.group(1));
                    }
                    assertFalse(inExpr.isEmpty(), "no metric in " + expr);
                    for (String name : inExpr) {
                        assertTrue(names.contains(name), "panel \"" + panel.get("title").asText() + "\" queries " + name
                                + ", which the host does not expose");
                    }
                    Matcher by = BY.matcher(expr);
                    while (by.find()) {
                        for (String label : by.group(1).split(",\\s*")) {
                            assertTrue(scrape.samples.stream().anyMatch(s -> inExpr.contains(s.name()) && s.labels().containsKey(label)),
                                    "no sample of " + inExpr + " has the label " + label + " (" + expr + ")");
                        }
                    }
                    queried.addAll(inExpr);
                }
            }
            assertTrue(queried.containsAll(Set.of("synlab_runs_active", "synlab_runs_started_total", "synlab_runs_finished_total",
                    "synlab_run_events_total", "synlab_run_seconds_sum", "vertx_eventbus_pending", "jvm_memory_used_bytes",
                    "process_cpu_usage")), "the dashboard misses a host metric: " + queried);
        } finally {
            await(dashboard.close());
            await(vertx.close());
        }
    }

    @Test
    void thePrometheusFileScrapesTheHostsMetricsPathOnLoopback() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(Path.of("prometheus.yml").toFile());
        JsonNode job = config.at("/scrape_configs/0");
        assertEquals("synlab", job.get("job_name").asText());
        assertEquals("/metrics", job.get("metrics_path").asText());
        JsonNode targets = job.at("/static_configs/0/targets");
        assertFalse(targets.isEmpty());
        for (JsonNode t : targets) {
            assertTrue(t.asText().matches("127\\.0\\.0\\.1:\\d+"), "target " + t.asText());
        }
    }
}
