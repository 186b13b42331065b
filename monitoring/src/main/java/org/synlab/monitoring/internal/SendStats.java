package org.synlab.monitoring.internal;

import io.vertx.core.json.JsonObject;

/** How the tabs keep up: open tabs, frames waiting now, the largest queue of one tab ever, frames dropped. */
public record SendStats(int open, int queued, int peak, long dropped) {

    public JsonObject toJson() {
        return new JsonObject().put("open", open).put("queued", queued).put("peak", peak).put("dropped", dropped);
    }
}
