package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.osgi.framework.ServiceRegistration;
import org.synlab.host.internal.Host;

/**
 * {@code shell}: the interactive Gogo console with the Synlab commands; leaving it ({@code exit},
 * Ctrl-D, or end of input) stops the host.
 */
final class ShellCommand implements Command {

    private final List<Command> consoleCommands;

    ShellCommand(List<Command> consoleCommands) {
        this.consoleCommands = consoleCommands;
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String synopsis() {
        return "shell";
    }

    @Override
    public String description() {
        return "open the interactive console (Gogo) with the synlab commands and Felix's own";
    }

    @Override
    public Needs needs() {
        return Needs.CONSOLE;
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of());
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("'shell' takes no arguments");
        }
        return context -> {
            Host host = context.host();
            ServiceRegistration<?> registration = GogoCommands.register(host, consoleCommands);
            context.err().println("Synlab shell: " + host.plugins().parts().size() + " plugin parts from "
                    + host.layout().bundlesDir() + ". Try synlab:plugins or synlab:run --wait FILE; Ctrl-D quits.");
            context.err().flush();
            host.openConsole();
            host.awaitStop();
            GogoCommands.unregister(registration);
            return ExitCodes.OK;
        };
    }
}
