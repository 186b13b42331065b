package org.synlab.host.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The host's own meters about runs; Vert.x adds its event-bus meters to the same registry. */
public final class HostMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Timer runSeconds;

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
}
