package org.synlab.host.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The host's own meters about runs; Vert.x adds its event-bus meters to the same registry. */
public final class HostMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Timer runSeconds;
    private final Map<String, RunGauges> perRun = new ConcurrentHashMap<>();

    public HostMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("synlab.runs.active", active);
        this.runSeconds = Timer.builder("synlab.run.seconds").description("wall-clock time of runs").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void runStarted() {
        active.incrementAndGet();
        registry.counter("synlab.runs.started").increment();
    }

    void runFinished(String status, Duration wall) {
        active.decrementAndGet();
        registry.counter("synlab.runs.finished", "status", status).increment();
        runSeconds.record(wall);
    }

    void event(String event) {
        registry.counter("synlab.run.events", "event", event).increment();
    }

    /**
     * A run's throughput and step time from its last progress report, as gauges tagged by run (never
     * by neuron or step): {@code synlab.train.samples.per.second} and {@code synlab.train.epoch.seconds}
     * for training, {@code synlab.sim.realtime.factor} (simulated seconds per wall-clock second of the
     * loop) for spiking runs. They are removed when the run ends, so the registry does not grow with
     * every run ever made.
     */
    void progress(String runId, Map<String, Double> values) {
        RunGauges gauges = perRun.computeIfAbsent(runId, id -> new RunGauges(registry, id));
        gauges.update(values);
    }

    void forget(String runId) {
        RunGauges gauges = perRun.remove(runId);
        if (gauges != null) {
            gauges.remove(registry);
        }
    }

    /** The latest values of one run, read by its gauges. */
    private static final class RunGauges {
        private volatile double samplesPerSecond = Double.NaN;
        private volatile double epochSeconds = Double.NaN;
        private volatile double realtimeFactor = Double.NaN;
        private final List<Meter> meters = new ArrayList<>();

        RunGauges(MeterRegistry registry, String runId) {
            meters.add(Gauge.builder("synlab.train.samples.per.second", this, g -> g.samplesPerSecond)
                    .description("training samples per second, over the run so far").tag("run", runId).register(registry));
            meters.add(Gauge.builder("synlab.train.epoch.seconds", this, g -> g.epochSeconds).baseUnit("seconds")
                    .description("mean wall-clock seconds per epoch").tag("run", runId).register(registry));
            meters.add(Gauge.builder("synlab.sim.realtime.factor", this, g -> g.realtimeFactor)
                    .description("simulated seconds per wall-clock second of the loop").tag("run", runId).register(registry));
        }

        void update(Map<String, Double> values) {
            samplesPerSecond = values.getOrDefault("samples_per_second", samplesPerSecond);
            epochSeconds = values.getOrDefault("epoch_seconds", epochSeconds);
            Double bio = values.get("sim.bio_seconds");
            Double wall = values.get("sim.wall_seconds");
            if (bio != null && wall != null && wall > 0) {
                realtimeFactor = bio / wall;
            }
        }

        void remove(MeterRegistry registry) {
            meters.forEach(registry::remove);
        }
    }
}
