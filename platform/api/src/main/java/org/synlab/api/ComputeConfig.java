package org.synlab.api;

/**
 * How a run opens its backend.
 *
 * @param threads the cores the backend may use inside an operation (at least 1)
 * @param seed    the run's seed; every random number the backend draws derives from it
 */
public record ComputeConfig(int threads, long seed) {
    public ComputeConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
