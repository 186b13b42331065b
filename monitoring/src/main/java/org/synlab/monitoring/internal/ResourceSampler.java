package org.synlab.monitoring.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.vertx.core.json.JsonObject;

/**
 * Heap and CPU for the page's resources chart, read from Micrometer's JVM meters so that the page and
 * Prometheus show the same figures. Binds those meters to the registry when the host has not.
 */
final class ResourceSampler {

    private final MeterRegistry registry;

    ResourceSampler(MeterRegistry registry) {
        this.registry = registry;
        if (registry.find("jvm.memory.used").meter() == null) {
            new JvmMemoryMetrics().bindTo(registry);
        }
        if (registry.find("process.cpu.usage").meter() == null) {
            new ProcessorMetrics().bindTo(registry);
        }
        if (registry.find("jvm.threads.live").meter() == null) {
            new JvmThreadMetrics().bindTo(registry);
        }
    }

    /** {@code {"type": "resources", "t": ms, "heap_used": bytes, "heap_max": bytes, "process_cpu": 0..1, "system_cpu": 0..1}}. */
    JsonObject sample(long now) {
        return new JsonObject()
                .put("type", "resources")
                .put("t", now)
                .put("heap_used", heap("jvm.memory.used"))
                .put("heap_max", heap("jvm.memory.max"))
                .put("process_cpu", finite(gauge("process.cpu.usage")))
                .put("system_cpu", finite(gauge("system.cpu.usage")));
    }

    private double heap(String name) {
        // one gauge per heap pool; a pool without a maximum reports -1, which must not lower the sum
        return registry.find(name).tag("area", "heap").gauges().stream()
                .mapToDouble(Gauge::value).filter(v -> v > 0).sum();
    }

    private double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) && v >= 0 ? v : null;
    }
}
