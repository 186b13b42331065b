package org.synlab.host.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.EventBus;
import java.util.Map;
import org.synlab.api.Plugin;
import org.synlab.engine.PartKind;

/**
 * The bindings of one run's injector: for each kind of plugin part a {@code Map<String, T>} filled
 * from a registry snapshot, so the run sees the parts live when it started; plus the host's meter
 * registry and event bus.
 */
final class RunModule extends AbstractModule {

    private final Map<PartKind, Map<String, Plugin>> parts;
    private final MeterRegistry meters;
    private final EventBus bus;

    RunModule(Map<PartKind, Map<String, Plugin>> parts, MeterRegistry meters, EventBus bus) {
        this.parts = parts;
        this.meters = meters;
        this.bus = bus;
    }

    @Override
    protected void configure() {
        for (PartKind kind : PartKind.values()) {
            bindParts(kind.type(), parts.getOrDefault(kind, Map.of()));
        }
        bind(MeterRegistry.class).toInstance(meters);
        bind(EventBus.class).toInstance(bus);
    }

    private <T extends Plugin> void bindParts(Class<T> type, Map<String, Plugin> byName) {
        // newMapBinder even for an empty kind, so Map<String, T> is always injectable
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, type);
        byName.forEach((name, part) -> binder.addBinding(name).toInstance(type.cast(part)));
    }
}
