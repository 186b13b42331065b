package org.synlab.host.internal.command;

import java.io.Console;

/** Whether a person is at the keyboard. */
final class Terminals {

    private Terminals() {
    }

    /**
     * True when stdin and stdout are a terminal. Since JDK 22 {@code System.console()} is non-null
     * even when the streams are redirected, so {@link Console#isTerminal()} decides.
     */
    static boolean interactive() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
