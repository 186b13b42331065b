package org.synlab.monitoring.internal;

/** The event-bus addresses the dashboard listens on and sends to. */
public final class Addresses {

    /** Every run's {@code started}/{@code progress}/{@code finished} event, with an added {@code "event"} field. */
    public static final String EVENTS = "synlab.runs.events";
    /** Requests {@code {"experiment": path}}; the host replies when the run has started, or fails the request. */
    public static final String START = "synlab.runs.start";
    /** Requests {@code {"run": id}}; the host replies when the stop was accepted, or fails the request. */
    public static final String STOP = "synlab.runs.stop";

    private Addresses() {
    }

    /** Where a spiking run publishes its spikes (see {@link BinaryFrames} for the forms). */
    public static String spikes(String runId) {
        return "synlab.run." + runId + ".spikes";
    }

    /** Where a spiking run publishes the state variables of its recorded neurons (see {@link BinaryFrames}). */
    public static String traces(String runId) {
        return "synlab.run." + runId + ".traces";
    }

    /** Where a run publishes weight snapshots (see {@link BinaryFrames} for the forms). */
    public static String weights(String runId) {
        return "synlab.run." + runId + ".weights";
    }
}
