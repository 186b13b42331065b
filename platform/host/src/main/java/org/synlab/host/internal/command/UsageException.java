package org.synlab.host.internal.command;

/** A command line that does not fit the command's synopsis. Exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
