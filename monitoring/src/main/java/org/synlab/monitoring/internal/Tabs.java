package org.synlab.monitoring.internal;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashSet;
import java.util.Set;

/** The open tabs, and what is sent to all of them. Used only on the dashboard's event loop. */
final class Tabs {

    private final Set<TabConnection> open = new LinkedHashSet<>();
    private int peak;
    private long dropped;

    void add(TabConnection tab) {
        open.add(tab);
    }

    void remove(TabConnection tab) {
        if (open.remove(tab)) {
            // keep the figures of closed tabs, so the statistics cover the dashboard's whole life
            peak = Math.max(peak, tab.peak());
            dropped += tab.dropped();
        }
    }

    void text(String json, boolean droppable) {
        Frame frame = Frame.text(json, droppable);
        open.forEach(t -> t.send(frame));
    }

    void binary(Buffer bytes) {
        Frame frame = Frame.binary(bytes);
        open.forEach(t -> t.send(frame));
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    /** {@code open}, {@code queued} (frames waiting now, all tabs), {@code peak} (largest queue of one tab ever), {@code dropped}. */
    SendStats stats() {
        int queued = 0;
        int p = peak;
        long d = dropped;
        for (TabConnection t : open) {
            queued += t.queued();
            p = Math.max(p, t.peak());
            d += t.dropped();
        }
        return new SendStats(open.size(), queued, p, d);
    }
}
