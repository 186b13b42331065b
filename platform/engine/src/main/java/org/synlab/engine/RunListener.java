package org.synlab.engine;

/** Receives a run's events on the run's own thread; implementations must return quickly. */
public interface RunListener {

    default void progress(Progress progress) {
    }

    RunListener NONE = new RunListener() {
    };
}
