package org.synlab.host.internal;

/** The host could not start: a missing infrastructure bundle, a plugin folder that never settled. */
public final class HostStartException extends Exception {
    public HostStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
