package org.synlab.monitoring.internal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the spikes, weights and membrane traces of each live run and passes them to the tabs as binary frames.
 * The addresses are per run ({@code synlab.run.<id>.spikes}), as the design names them, so a
 * consumer is registered when a run is first seen and removed a while after it finished (the last
 * frames of a run may still be on their way when its {@code finished} event arrives).
 */
final class SpikeFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(SpikeFeeds.class);
    static final long LINGER_MILLIS = 5_000;

    private final Vertx vertx;
    private final Tabs tabs;
    private final Map<String, List<MessageConsumer<Object>>> consumers = new HashMap<>();
    private final Map<String, Long> rejectedLogged = new HashMap<>();

    SpikeFeeds(Vertx vertx, Tabs tabs) {
        this.vertx = vertx;
        this.tabs = tabs;
    }

    void follow(String runId) {
        if (consumers.containsKey(runId)) {
            return;
        }
        consumers.put(runId, List.of(
                vertx.eventBus().consumer(Addresses.spikes(runId), m -> forward(runId, BinaryFrames.SPIKES, m)),
                vertx.eventBus().consumer(Addresses.weights(runId), m -> forward(runId, BinaryFrames.WEIGHTS, m)),
                vertx.eventBus().consumer(Addresses.traces(runId), m -> forward(runId, BinaryFrames.TRACES, m))));
    }

    void finished(String runId) {
        vertx.setTimer(LINGER_MILLIS, id -> {
            List<MessageConsumer<Object>> list = consumers.remove(runId);
            if (list != null) {
                list.forEach(MessageConsumer::unregister);
            }
            rejectedLogged.remove(runId);
        });
    }

    void close() {
        consumers.values().forEach(list -> list.forEach(MessageConsumer::unregister));
        consumers.clear();
    }

    private void forward(String runId, byte type, Message<Object> message) {
        Buffer frame;
        try {
            frame = switch (message.body()) {
                case Buffer b -> {
                    BinaryFrames.validate(b, type, runId);
                    yield b;
                }
                case JsonObject json -> switch (type) {
                    case BinaryFrames.SPIKES -> BinaryFrames.spikes(runId, json);
                    case BinaryFrames.WEIGHTS -> BinaryFrames.weights(runId, json);
                    default -> BinaryFrames.traces(runId, json);
                };
                case null, default -> throw new IllegalArgumentException("expected a Buffer or a JsonObject, got "
                        + (message.body() == null ? "null" : message.body().getClass().getSimpleName()));
            };
        } catch (IllegalArgumentException e) {
            reject(runId, message, e.getMessage());
            return;
        }
        tabs.binary(frame);
    }

    private void reject(String runId, Message<Object> message, String reason) {
        if (message.replyAddress() != null) {
            message.fail(400, reason);
        }
        // once per run: a broken publisher sends the same mistake every step
        if (rejectedLogged.putIfAbsent(runId, System.currentTimeMillis()) == null) {
            LOG.warn("dropped a malformed frame on {}: {}", message.address(), reason);
        }
    }
}
