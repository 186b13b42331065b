package org.synlab.host.internal.command;

import java.util.List;
import org.synlab.host.internal.Host;

/**
 * {@code shell}: the interactive Gogo console with the Synlab commands; leaving it ({@code exit},
 * Ctrl-D, or end of input) stops the host.
 */
final class ShellCommand extends HostKeepingCommand {

    ShellCommand(List<Command> consoleCommands) {
        super(consoleCommands);
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String description() {
        return "open the interactive console (Gogo) with the synlab commands and Felix's own";
    }

    @Override
    boolean announce(CommandContext context, Host host) {
        context.err().println("Synlab shell: " + host.plugins().parts().size() + " plugin parts from "
                + host.layout().bundlesDir() + ". Try synlab:plugins or synlab:run --wait FILE; Ctrl-D quits.");
        context.err().flush();
        return true;
    }
}
