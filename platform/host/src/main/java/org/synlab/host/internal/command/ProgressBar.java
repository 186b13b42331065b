package org.synlab.host.internal.command;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Draws a run's progress events on stderr: on a terminal one line redrawn in place with {@code \r};
 * otherwise (a log file, a pipe) one line per epoch, at most one every half second, and at the end
 * the last report if it was held back.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private int lastPrintedEpoch;
    private long lastPrintNanos;
    private int drawnWidth;
    /** The latest report not yet printed (line mode), so the end of a run is never missing. */
    private String heldBack;

    ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** One {@code progress} event body: {@code epoch, epochs, fraction, metrics}. */
    synchronized void update(JsonObject event) {
        int epoch = event.getInteger("epoch", 0);
        int epochs = event.getInteger("epochs", 0);
        double fraction = event.getDouble("fraction", epochs > 0 ? (double) epoch / epochs : 0.0);
        String line = line(epoch, epochs, fraction, metricsOf(event));
        long now = nanoClock.getAsLong();
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, drawnWidth - line.length()));
            err.print("\r" + padded);
            drawnWidth = line.length();
            err.flush();
            return;
        }
        boolean last = epochs > 0 && epoch >= epochs;
        boolean newEpoch = epoch > lastPrintedEpoch;
        if (newEpoch && (last || lastPrintedEpoch == 0 || now - lastPrintNanos >= MIN_INTERVAL_NANOS)) {
            err.println(line);
            err.flush();
            lastPrintedEpoch = epoch;
            lastPrintNanos = now;
            heldBack = null;
        } else {
            heldBack = line;
        }
    }

    /** Ends the redrawn line so what follows starts on a fresh one. */
    synchronized void finish() {
        if (terminal && drawnWidth > 0) {
            err.println();
            drawnWidth = 0;
        } else if (!terminal && heldBack != null) {
            err.println(heldBack);
            heldBack = null;
        }
        err.flush();
    }

    static String line(int epoch, int epochs, double fraction, Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        sb.append("epoch ").append(epoch).append('/').append(epochs);
        Double loss = MetricText.loss(metrics);
        if (loss != null) {
            sb.append("  loss ").append(MetricText.number(loss));
        }
        Double accuracy = MetricText.accuracy(metrics);
        if (accuracy != null) {
            sb.append("  accuracy ").append(MetricText.number(accuracy));
        }
        Double speed = metrics.get(MetricText.SAMPLES_PER_SECOND);
        if (speed != null && Double.isFinite(speed)) {
            sb.append("  ").append(Math.round(speed)).append(" samples/s");
        }
        return sb.toString();
    }

    private static Map<String, Double> metricsOf(JsonObject event) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonObject json = event.getJsonObject("metrics", new JsonObject());
        for (String key : json.fieldNames()) {
            Number n = json.getNumber(key);
            metrics.put(key, n == null ? Double.NaN : n.doubleValue());
        }
        return metrics;
    }
}
