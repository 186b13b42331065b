package org.synlab.host.internal.store;

/** The run store cannot be opened or read; the message says which store and what went wrong. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
