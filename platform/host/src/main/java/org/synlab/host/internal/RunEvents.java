package org.synlab.host.internal;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.synlab.engine.PartRef;
import org.synlab.engine.Progress;
import org.synlab.monitoring.Dashboard;

/**
 * Publishes run events on the Vert.x event bus at {@code synlab.run.<id>.<event>}. Publishing never
 * blocks the run: the bus hands the message to its consumers' contexts.
 */
public final class RunEvents {

    public static final String STARTED = "started";
    public static final String PROGRESS = "progress";
    public static final String FINISHED = "finished";
    /** A chunk of a spiking run's spikes (counted, not a lifecycle event). */
    public static final String SPIKES = "spikes";
    /** A chunk of a spiking run's recorded state samples. */
    public static final String TRACES = "traces";
    public static final String WEIGHTS = "weights";

    private final EventBus bus;
    private final HostMetrics metrics;

    public RunEvents(EventBus bus, HostMetrics metrics) {
        this.bus = bus;
        this.metrics = metrics;
    }

    /** Every run's events, each with {@code "event"} added; the dashboard's {@code EVENTS_ADDRESS}. */
    public static final String ALL_RUNS = "synlab.runs.events";

    public static String address(String runId, String event) {
        return "synlab.run." + runId + "." + event;
    }

    public EventBus bus() {
        return bus;
    }

    void started(String runId, RunTask task) {
        JsonArray parts = new JsonArray();
        task.parts().stream().map(PartRef::toString).sorted().forEach(parts::add);
        publish(runId, STARTED, new JsonObject()
                .put("run", runId)
                .put("experiment", task.experiment())
                .put("seed", task.seed())
                .put("backend", task.backend())
                .put("parts", parts));
    }

    void progress(String runId, Progress progress) {
        publish(runId, PROGRESS, progressJson(runId, progress));
    }

    void finished(RunSummary summary) {
        publish(summary.run(), FINISHED, summary.toJson());
    }

    /**
     * A chunk of a spiking run's spikes, as the dashboard's binary raster frame on
     * {@code synlab.run.<id>.spikes}: packed ints, not JSON, since a busy chunk holds tens of thousands.
     */
    void spikes(String runId, String population, int size, double dtMs, int[] steps, int[] neurons) {
        metrics.event(SPIKES);
        bus.publish(Dashboard.spikesAddress(runId), Dashboard.spikeFrame(runId, population, size, dtMs, steps, neurons));
    }

    /** A chunk of a probe's samples, as the dashboard's binary trace frame on {@code synlab.run.<id>.traces}. */
    void traces(String runId, String population, String variable, int firstSample, double sampleMs, int[] neurons,
                float[][] values) {
        metrics.event(TRACES);
        bus.publish(Dashboard.tracesAddress(runId),
                Dashboard.traceFrame(runId, population, variable, firstSample, sampleMs, neurons, values));
    }

    /** A plastic projection's weights, as the dashboard's binary weight frame on {@code synlab.run.<id>.weights}. */
    void weights(String runId, String projection, long step, int rows, int cols, int width, float[] values) {
        metrics.event(WEIGHTS);
        bus.publish(Dashboard.weightsAddress(runId),
                Dashboard.weightFrame(runId, projection, (int) Math.min(Integer.MAX_VALUE, step), rows, cols, width,
                        values));
    }

    static JsonObject progressJson(String runId, Progress progress) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        new TreeMap<>(progress.metrics()).forEach((k, v) -> metrics.put(k, v == null || !Double.isFinite(v) ? null : v));
        return new JsonObject()
                .put("run", runId)
                .put("epoch", progress.epoch())
                .put("epochs", progress.epochs())
                .put("fraction", progress.fraction())
                .put("metrics", new JsonObject(metrics));
    }

    private void publish(String runId, String event, JsonObject body) {
        metrics.event(event);
        bus.publish(address(runId, event), body);
        // the same event on one address for every run: the dashboard follows all runs (the bus has no
        // wildcard subscriptions)
        bus.publish(ALL_RUNS, body.copy().put("event", event));
    }
}
