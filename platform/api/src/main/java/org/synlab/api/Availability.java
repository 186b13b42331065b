package org.synlab.api;

/**
 * Whether a backend can run on this machine, and if not, why (so a user reads "no CUDA driver found"
 * rather than a stack trace).
 */
public record Availability(boolean available, String reason) {

    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
