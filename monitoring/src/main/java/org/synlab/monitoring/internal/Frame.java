package org.synlab.monitoring.internal;

import io.vertx.core.buffer.Buffer;

/**
 * One message for a tab: a JSON text frame or a binary frame. A droppable frame (progress, spikes,
 * weights, resources) is superseded by the next one of its kind, so a tab that falls behind may lose
 * it; the others (started, finished, history, replies) change what the tab shows and are never dropped.
 */
record Frame(String text, Buffer binary, boolean droppable) {

    static Frame text(String json, boolean droppable) {
        return new Frame(json, null, droppable);
    }

    static Frame binary(Buffer bytes) {
        return new Frame(null, bytes, true);
    }
}
