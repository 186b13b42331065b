package org.synlab.monitoring;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Where the dashboard gets what happened before a tab was opened: the host implements it over its
 * run store, so a tab opened mid-run (or after a restart) sees whole curves, not just the points
 * that arrive after it connected. When the host passes none, the dashboard keeps its own in-memory
 * history of the runs it saw on the event bus.
 *
 * <p>The dashboard calls both methods on a worker thread, never on the event loop, so an
 * implementation may block on a database.
 */
public interface RunHistory {

    /**
     * Every run known, newest first. Each object has at least {@code run} (the id), {@code experiment}
     * and {@code status}; optional keys: {@code reason}, {@code started_ms} (epoch milliseconds) and
     * {@code metrics} (the last value of each metric by dotted name, e.g. {@code train.loss}).
     */
    List<JsonObject> runs();

    /**
     * The metric history of one run, or null when the run is unknown:
     * <pre>
     * {"run": "r1", "experiment": "experiments/xor.yaml", "status": "running",
     *  "series": {"train.loss": {"x": [0.5, 1.0, 2.0], "y": [0.9, 0.7, 0.4]}, ...}}
     * </pre>
     * {@code x} is the step in epochs (the run store's step; fractional for reports part-way through
     * an epoch), ascending; {@code y} the values, null where a value was not a finite number.
     */
    JsonObject history(String runId);
}
