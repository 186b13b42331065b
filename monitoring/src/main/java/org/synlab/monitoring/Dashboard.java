package org.synlab.monitoring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;
import org.synlab.monitoring.internal.Addresses;
import org.synlab.monitoring.internal.BinaryFrames;
import org.synlab.monitoring.internal.DashboardServer;
import org.synlab.monitoring.internal.ServerConfig;

/**
 * The live dashboard, served over Vert.x Web: the page at {@code /}, {@code /metrics} in Prometheus
 * text format, {@code /api/runs} and one WebSocket per tab at {@code /ws}. The host starts it with
 * its {@link Vertx} and registry and prints {@link #url()}.
 *
 * <p>It learns about runs from the event bus ({@link #EVENTS_ADDRESS}); it forwards the page's start
 * and stop requests to {@link #START_ADDRESS} and {@link #STOP_ADDRESS}; spiking runs publish spikes,
 * weights and membrane traces on {@link #spikesAddress(String)}, {@link #weightsAddress(String)} and
 * {@link #tracesAddress(String)} in the forms documented in {@code monitoring/README.md}.
 */
public final class Dashboard {

    /** The host publishes every run event here too, with {@code "event": "started"|"progress"|"finished"} added. */
    public static final String EVENTS_ADDRESS = Addresses.EVENTS;
    /** The page's start requests, {@code {"experiment": path}}; the reply (any body) is shown on the page. */
    public static final String START_ADDRESS = Addresses.START;
    /** The page's stop requests, {@code {"run": id}}; the reply (any body) is shown on the page. */
    public static final String STOP_ADDRESS = Addresses.STOP;

    private final Vertx vertx;
    private final DashboardServer server;
    private final String deployment;
    private final String host;

    private Dashboard(Vertx vertx, DashboardServer server, String deployment, String host) {
        this.vertx = vertx;
        this.server = server;
        this.deployment = deployment;
        this.host = host;
    }

    /**
     * Starts the dashboard; the future completes once it listens.
     *
     * @param vertx    the host's Vert.x, whose event bus carries the run events
     * @param registry the registry {@code /metrics} renders; JVM memory, thread and CPU meters are
     *                 bound to it when it has none, for the page's resources chart
     * @param options  where to listen and where the history of runs comes from
     */
    public static Future<Dashboard> start(Vertx vertx, PrometheusMeterRegistry registry, Options options) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(registry, "registry");
        DashboardServer server = new DashboardServer(registry, options.toConfig());
        return vertx.deployVerticle(server).map(id -> new Dashboard(vertx, server, id, options.host()));
    }

    /** Starts with {@link Options#defaults()}: 127.0.0.1, any free port, in-memory history. */
    public static Future<Dashboard> start(Vertx vertx, PrometheusMeterRegistry registry) {
        return start(vertx, registry, Options.defaults());
    }

    public int port() {
        return server.actualPort();
    }

    /** The address to print, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Stops serving and leaves the bus; the Vert.x instance stays the host's. */
    public Future<Void> close() {
        return vertx.undeploy(deployment);
    }

    public static String spikesAddress(String runId) {
        return Addresses.spikes(runId);
    }

    /**
     * The binary frame the dashboard draws a raster from, for {@link #spikesAddress}: spike k of the
     * population is neuron {@code neurons[k]} at step {@code steps[k]}, steps of {@code dtMs} ms.
     */
    public static io.vertx.core.buffer.Buffer spikeFrame(String runId, String population, int size, double dtMs,
                                                         int[] steps, int[] neurons) {
        return BinaryFrames.spikes(runId, population, size, (float) dtMs, steps, neurons);
    }

    /**
     * The binary frame of membrane (or any state) traces, for {@link #tracesAddress}: row i holds
     * neuron {@code neurons[i]}'s samples from {@code step} on, {@code dtMs} ms apart.
     */
    public static io.vertx.core.buffer.Buffer traceFrame(String runId, String population, String variable, int step,
                                                         double dtMs, int[] neurons, float[][] values) {
        return BinaryFrames.traces(runId, population, variable, step, (float) dtMs, neurons, values);
    }

    public static String weightsAddress(String runId) {
        return Addresses.weights(runId);
    }

    /**
     * The binary frame of a projection's weights, for {@link #weightsAddress}: row {@code r} (a
     * postsynaptic neuron) is {@code values[r * cols .. (r + 1) * cols - 1]}, drawn as a {@code width}-wide
     * image (a receptive field) when {@code width > 0}.
     */
    public static io.vertx.core.buffer.Buffer weightFrame(String runId, String projection, int step, int rows,
                                                          int cols, int width, float[] values) {
        return BinaryFrames.weights(runId, projection, step, rows, cols, width, values);
    }

    public static String tracesAddress(String runId) {
        return Addresses.traces(runId);
    }

    /**
     * How the dashboard is served.
     *
     * @param host             interface to bind; 127.0.0.1 by default, since the page starts runs
     * @param port             port to bind, 0 for any free one
     * @param history          the host's run store view, or null to use only what the bus brought
     * @param sendQueueFrames  frames one tab may have waiting before its oldest progress frame is dropped
     * @param socketQueueBytes bytes the socket may buffer for one tab before frames wait in that queue
     * @param historyPoints    points per curve a tab gets at most when it asks for a history
     */
    public record Options(String host, int port, RunHistory history, int sendQueueFrames, int socketQueueBytes,
                          int historyPoints) {

        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + port);
            }
            if (sendQueueFrames < 1 || socketQueueBytes < 1 || historyPoints < 4) {
                throw new IllegalArgumentException("sendQueueFrames and socketQueueBytes must be positive and historyPoints at least 4");
            }
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 0, null, 256, 256 * 1024, 2000);
        }

        public Options withHost(String h) {
            return new Options(h, port, history, sendQueueFrames, socketQueueBytes, historyPoints);
        }

        public Options withPort(int p) {
            return new Options(host, p, history, sendQueueFrames, socketQueueBytes, historyPoints);
        }

        public Options withHistory(RunHistory h) {
            return new Options(host, port, h, sendQueueFrames, socketQueueBytes, historyPoints);
        }

        public Options withSendQueue(int frames, int socketBytes) {
            return new Options(host, port, history, frames, socketBytes, historyPoints);
        }

        public Options withHistoryPoints(int points) {
            return new Options(host, port, history, sendQueueFrames, socketQueueBytes, points);
        }

        ServerConfig toConfig() {
            // 1 s resources, 200 runs and 20 000 points per curve: a day of busy use in tens of megabytes
            return new ServerConfig(host, port, history, sendQueueFrames, socketQueueBytes, historyPoints, 1000, 200, 20_000);
        }
    }
}
