package org.synlab.host.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synlab.api.Plugin;
import org.synlab.engine.PartKind;

/**
 * Follows the plugin parts published as OSGi services, one tracker per {@link PartKind}, and keeps
 * them by name. When two services share a kind and name, the first to arrive is used and the other
 * waits as a stand-in until the first leaves.
 */
public final class PluginRegistry implements AutoCloseable {

    /** Told about parts arriving and leaving, on the framework thread that caused it. */
    public interface Listener {
        default void partAdded(PluginPart part) {
        }

        /**
         * The part is leaving; its bundle's code may still be called until this returns, and not
         * after.
         */
        void partRemoved(PluginPart part);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final BundleContext context;
    private final List<ServiceTracker<Plugin, PluginPart>> trackers = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Every tracked service by kind, in arrival order (by service id). */
    private final Map<PartKind, Map<Long, PluginPart>> tracked = new EnumMap<>(PartKind.class);
    /** The part in use per kind and name. */
    private final Map<PartKind, Map<String, PluginPart>> active = new EnumMap<>(PartKind.class);
    private final AtomicLong changes = new AtomicLong();

    public PluginRegistry(BundleContext context) {
        this.context = context;
        for (PartKind kind : PartKind.values()) {
            tracked.put(kind, new LinkedHashMap<>());
            active.put(kind, new LinkedHashMap<>());
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void open() {
        for (PartKind kind : PartKind.values()) {
            @SuppressWarnings("unchecked")
            Class<Plugin> type = (Class<Plugin>) kind.type();
            ServiceTracker<Plugin, PluginPart> tracker = new ServiceTracker<>(context, type, new Customizer(kind));
            trackers.add(tracker);
            tracker.open();
        }
    }

    @Override
    public void close() {
        announce = false;
        for (ServiceTracker<Plugin, PluginPart> tracker : trackers) {
            tracker.close();
        }
        trackers.clear();
    }

    /** Every part in use, by kind then name. */
    public synchronized List<PluginPart> parts() {
        List<PluginPart> all = new ArrayList<>();
        active.values().forEach(byName -> all.addAll(byName.values()));
        all.sort(Comparator.comparing(PluginPart::kind).thenComparing(PluginPart::name));
        return all;
    }

    public synchronized Optional<PluginPart> find(PartKind kind, String name) {
        return Optional.ofNullable(active.get(kind).get(name));
    }

    /** The parts in use now, as the name-keyed maps a run's injector is built from. */
    public synchronized Map<PartKind, Map<String, Plugin>> snapshot() {
        Map<PartKind, Map<String, Plugin>> snapshot = new EnumMap<>(PartKind.class);
        active.forEach((kind, byName) -> {
            Map<String, Plugin> services = new LinkedHashMap<>();
            byName.forEach((name, part) -> services.put(name, part.service()));
            snapshot.put(kind, Map.copyOf(services));
        });
        return snapshot;
    }

    /** Grows with every change, so a caller can wait for the registry to settle. */
    public long changeCount() {
        return changes.get();
    }

    /**
     * Changes after the first scan are news for whoever watches a serving host (a jar dropped into
     * or deleted from the folder); the parts of the first scan are not, so they stay at debug.
     */
    public void announceChanges() {
        announce = true;
    }

    private volatile boolean announce;

    /** While the framework stops, every part leaves: that is no news either. */
    private boolean shuttingDown() {
        try {
            return context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private void log(PluginPart part, String what) {
        if (announce && !shuttingDown()) {
            LOG.info("plugin part {}: {}", what, part.describe());
        } else {
            LOG.debug("plugin part {}: {}", what, part.describe());
        }
    }

    private PluginPart add(PartKind kind, ServiceReference<Plugin> reference, Plugin service) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null; // unregistered while we were being told about it
        }
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        String name;
        String description;
        try {
            name = service.name();
            description = service.description();
        } catch (RuntimeException e) {
            LOG.warn("ignoring a {} from bundle {}: it failed to say its name", kind.label(),
                    bundle.getSymbolicName(), e);
            return null;
        }
        if (name == null || name.isBlank()) {
            LOG.warn("ignoring a {} without a name from bundle {}", kind.label(), bundle.getSymbolicName());
            return null;
        }
        PluginPart part = new PluginPart(kind, name, description == null ? "" : description,
                bundle.getSymbolicName(), bundle.getVersion().toString(), service, serviceId);
        PluginPart inUse;
        synchronized (this) {
            tracked.get(kind).put(serviceId, part);
            inUse = active.get(kind).putIfAbsent(name, part);
        }
        changes.incrementAndGet();
        if (inUse != null) {
            LOG.warn("two plugin parts are called {}: keeping the one from bundle {} {}, ignoring the one from bundle {} {}",
                    part.ref(), inUse.bundleSymbolicName(), inUse.bundleVersion(), part.bundleSymbolicName(),
                    part.bundleVersion());
        } else {
            log(part, "added");
            listeners.forEach(l -> l.partAdded(part));
        }
        return part;
    }

    private void remove(PluginPart part) {
        PluginPart standIn = null;
        boolean wasActive;
        synchronized (this) {
            Map<Long, PluginPart> ofKind = tracked.get(part.kind());
            ofKind.remove(part.serviceId());
            Map<String, PluginPart> byName = active.get(part.kind());
            wasActive = byName.get(part.name()) == part;
            if (wasActive) {
                byName.remove(part.name());
                standIn = ofKind.values().stream().filter(p -> p.name().equals(part.name())).findFirst().orElse(null);
                if (standIn != null) {
                    byName.put(part.name(), standIn);
                }
            }
        }
        changes.incrementAndGet();
        if (!wasActive) {
            return;
        }
        log(part, "removed");
        listeners.forEach(l -> l.partRemoved(part));
        if (standIn != null) {
            LOG.info("plugin part {} now comes from bundle {} {}", standIn.ref(), standIn.bundleSymbolicName(),
                    standIn.bundleVersion());
            PluginPart added = standIn;
            listeners.forEach(l -> l.partAdded(added));
        }
    }

    private final class Customizer implements ServiceTrackerCustomizer<Plugin, PluginPart> {
        private final PartKind kind;

        Customizer(PartKind kind) {
            this.kind = kind;
        }

        @Override
        public PluginPart addingService(ServiceReference<Plugin> reference) {
            Plugin service = context.getService(reference);
            if (!kind.type().isInstance(service)) {
                // a bundle wired to another copy of the API: its objects are of no use to this host
                context.ungetService(reference);
                return null;
            }
            PluginPart part = add(kind, reference, service);
            if (part == null) {
                context.ungetService(reference);
            }
            return part;
        }

        @Override
        public void modifiedService(ServiceReference<Plugin> reference, PluginPart part) {
        }

        @Override
        public void removedService(ServiceReference<Plugin> reference, PluginPart part) {
            try {
                remove(part);
            } finally {
                context.ungetService(reference);
            }
        }
    }
}
