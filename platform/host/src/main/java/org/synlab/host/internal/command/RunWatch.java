package org.synlab.host.internal.command;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.synlab.host.internal.RunEvents;
import org.synlab.host.internal.RunSummary;

/**
 * Follows one run through its events on the bus: progress to a callback, and the summary from the
 * {@code finished} event. Opened before the run starts so no event is missed.
 */
final class RunWatch implements AutoCloseable {

    private static final long REGISTRATION_TIMEOUT_S = 5;

    private final List<MessageConsumer<JsonObject>> consumers;
    private final CompletableFuture<RunSummary> finished;

    private RunWatch(List<MessageConsumer<JsonObject>> consumers, CompletableFuture<RunSummary> finished) {
        this.consumers = consumers;
        this.finished = finished;
    }

    static RunWatch open(EventBus bus, String runId, Consumer<JsonObject> onProgress)
            throws InterruptedException {
        CompletableFuture<RunSummary> finished = new CompletableFuture<>();
        MessageConsumer<JsonObject> progress = bus.consumer(RunEvents.address(runId, RunEvents.PROGRESS),
                message -> onProgress.accept(message.body()));
        MessageConsumer<JsonObject> end = bus.consumer(RunEvents.address(runId, RunEvents.FINISHED),
                message -> finished.complete(RunSummary.fromJson(message.body())));
        RunWatch watch = new RunWatch(List.of(progress, end), finished);
        try {
            Future.all(progress.completion(), end.completion())
                    .toCompletionStage().toCompletableFuture().get(REGISTRATION_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            watch.close();
            throw new IllegalStateException("cannot listen to the event bus for run " + runId, e);
        }
        return watch;
    }

    /** The summary from the {@code finished} event, once it arrives (bounded wait). */
    Optional<RunSummary> summary(long timeoutMillis) throws InterruptedException {
        try {
            return Optional.of(finished.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
