package org.synlab.host.internal.command;

import java.util.List;
import org.synlab.host.internal.Host;

/**
 * {@code serve}: keeps the host running, FileInstall watching the plugin folder, with the console
 * when a person is at the terminal. Without a terminal (a service, a container) it runs until
 * killed; SIGTERM shuts it down cleanly through the shutdown hook.
 */
final class ServeCommand extends HostKeepingCommand {

    ServeCommand(List<Command> consoleCommands) {
        super(consoleCommands);
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String description() {
        return "keep running with hot deploy of the plugin folder and the console (until killed without a terminal)";
    }

    @Override
    boolean announce(CommandContext context, Host host) {
        boolean interactive = Terminals.interactive();
        context.out().println("Synlab serving: " + host.plugins().parts().size() + " plugin parts from "
                + host.layout().bundlesDir() + "; " + (interactive
                ? "console ready" : "no console (stdin is not a terminal); stop with SIGTERM"));
        context.out().flush();
        return interactive;
    }
}
