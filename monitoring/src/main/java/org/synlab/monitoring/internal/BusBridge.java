package org.synlab.monitoring.internal;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * Turns the run events of {@code synlab.runs.events} into the runs table, the in-memory history and
 * the tabs' text frames, and starts following each run's spikes and weights.
 */
final class BusBridge {

    private final MemoryRunHistory memory;
    private final Tabs tabs;
    private final SpikeFeeds spikes;
    private final MessageConsumer<JsonObject> consumer;

    BusBridge(Vertx vertx, MemoryRunHistory memory, Tabs tabs, SpikeFeeds spikes) {
        this.memory = memory;
        this.tabs = tabs;
        this.spikes = spikes;
        this.consumer = vertx.eventBus().consumer(Addresses.EVENTS, m -> apply(m.body()));
    }

    private void apply(JsonObject body) {
        if (body == null) {
            return;
        }
        String event = body.getString("event");
        JsonObject row = memory.apply(event, body);
        if (row == null) {
            return;
        }
        String run = row.getString("run");
        if ("finished".equals(event)) {
            spikes.finished(run);
        } else {
            spikes.follow(run);
        }
        JsonObject frame = new JsonObject().put("type", "event").put("event", event).put("run", run)
                .put("row", row).put("body", body);
        tabs.text(frame.encode(), "progress".equals(event));
    }

    void close() {
        consumer.unregister();
    }
}
