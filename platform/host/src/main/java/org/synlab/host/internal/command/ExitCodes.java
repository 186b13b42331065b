package org.synlab.host.internal.command;

/** Exit codes of the CLI. */
public final class ExitCodes {
    /** The command did its work; a run finished. */
    public static final int OK = 0;
    /** A run failed, or the host could not start. */
    public static final int FAILED = 1;
    /** Bad input: unknown command or flag, missing argument, a wrong experiment file or key. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
