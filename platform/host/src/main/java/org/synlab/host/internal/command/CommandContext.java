package org.synlab.host.internal.command;

import java.io.PrintWriter;
import java.util.Optional;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.store.RunStore;

/**
 * Where a command runs.
 *
 * @param host     the running host; null for commands that need none
 * @param store    the run store: the host's, or for the store commands of the CLI one opened without a
 *                 host; null when the store is switched off
 * @param out      results (the JSON line of {@code --json} is the last line written here)
 * @param err      progress, warnings and {@code synlab: <message>} errors
 * @param console  true inside the Gogo console, where {@code run} returns at once unless {@code --wait}
 * @param terminal true when {@code err} is a terminal, so a progress bar may redraw itself with {@code \r}
 */
public record CommandContext(Host host, RunStore store, PrintWriter out, PrintWriter err, boolean console,
                             boolean terminal) {

    /** With the host's own run store. */
    public CommandContext(Host host, PrintWriter out, PrintWriter err, boolean console, boolean terminal) {
        this(host, host == null ? null : host.store().orElse(null), out, err, console, terminal);
    }

    Optional<RunStore> runStore() {
        return Optional.ofNullable(store);
    }
}
