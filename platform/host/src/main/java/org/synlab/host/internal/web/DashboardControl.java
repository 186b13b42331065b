package org.synlab.host.internal.web;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synlab.engine.BadInputException;
import org.synlab.engine.ExperimentLoader;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.RunTask;
import org.synlab.monitoring.Dashboard;

/**
 * The host's side of the dashboard: serves it, answers its requests to start a run from an experiment
 * file and to stop a run, and gives it the run store's history. Loading and checking an experiment
 * can read data files, so requests are handled on a worker thread, never on the event loop.
 */
public final class DashboardControl implements AutoCloseable {

    /** Reply codes the page shows: the request was wrong (bad file, unknown run), or the host failed. */
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;

    private final Dashboard dashboard;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    private DashboardControl(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /**
     * Starts the dashboard on {@code bindHost:port} (port 0: any free port) and the handlers it sends
     * requests to.
     *
     * @throws IllegalStateException naming the address when the server cannot listen there
     */
    public static DashboardControl start(Host host, String bindHost, int port) {
        Dashboard.Options options = Dashboard.Options.defaults().withHost(bindHost).withPort(port);
        if (host.store().isPresent()) {
            options = options.withHistory(new StoreRunHistory(host.store().get()));
        }
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(host.vertx(), host.meters(), options).await();
        } catch (Exception e) {
            throw new IllegalStateException("the dashboard cannot listen on " + bindHost + ":" + port + ": "
                    + e.getMessage(), e);
        }
        DashboardControl control = new DashboardControl(dashboard);
        control.consumers.add(host.events().bus().<JsonObject>consumer(Dashboard.START_ADDRESS,
                message -> host.vertx().executeBlocking(() -> control.startRun(host, message.body()), false)
                        .onComplete(result -> reply(message, result.succeeded() ? result.result() : null,
                                result.cause()))));
        control.consumers.add(host.events().bus().<JsonObject>consumer(Dashboard.STOP_ADDRESS,
                message -> stopRun(host, message)));
        return control;
    }

    public String url() {
        return dashboard.url();
    }

    private JsonObject startRun(Host host, JsonObject request) throws BadInputException {
        String file = request == null ? null : request.getString("experiment");
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("expected {\"experiment\": \"path/to/experiment.yaml\"}");
        }
        List<String> overrides = new ArrayList<>();
        JsonArray given = request.getJsonArray("overrides");
        if (given != null) {
            given.forEach(o -> overrides.add(String.valueOf(o)));
        }
        RunTask task = host.preparer().prepare(ExperimentLoader.load(Path.of(file), overrides));
        String id = host.runs().newRunId();
        host.runs().start(id, task);
        return new JsonObject().put("run", id).put("experiment", task.experiment());
    }

    private static void stopRun(Host host, Message<JsonObject> message) {
        String id = message.body() == null ? null : message.body().getString("run");
        if (id == null || !host.runs().stop(id, "stopped from the dashboard")) {
            message.fail(NOT_FOUND, "no running run '" + id + "' on this host");
            return;
        }
        message.reply(new JsonObject().put("run", id).put("stopping", true));
    }

    private static void reply(Message<JsonObject> message, JsonObject body, Throwable failure) {
        if (failure == null) {
            message.reply(body);
        } else {
            // a bad file or key: the message names the file, the key and what was expected
            message.fail(BAD_REQUEST, failure.getMessage());
        }
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
        dashboard.close();
    }
}
