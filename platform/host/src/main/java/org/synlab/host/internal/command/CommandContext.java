package org.synlab.host.internal.command;

import java.io.PrintWriter;
import org.synlab.host.internal.Host;

/**
 * Where a command runs.
 *
 * @param host     the running host; null for commands that need none
 * @param out      results (the JSON line of {@code --json} is the last line written here)
 * @param err      progress, warnings and {@code synlab: <message>} errors
 * @param console  true inside the Gogo console, where {@code run} returns at once unless {@code --wait}
 * @param terminal true when {@code err} is a terminal, so a progress bar may redraw itself with {@code \r}
 */
public record CommandContext(Host host, PrintWriter out, PrintWriter err, boolean console, boolean terminal) {
}
