package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.osgi.framework.ServiceRegistration;
import org.synlab.host.internal.Host;

/**
 * {@code serve}: keeps the host running, FileInstall watching the plugin folder, with the console
 * when a person is at the terminal. Without a terminal (a service, a container) it runs until
 * killed; SIGTERM shuts it down cleanly through the shutdown hook.
 */
final class ServeCommand implements Command {

    private final List<Command> consoleCommands;

    ServeCommand(List<Command> consoleCommands) {
        this.consoleCommands = consoleCommands;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String synopsis() {
        return "serve";
    }

    @Override
    public String description() {
        return "keep running with hot deploy of the plugin folder and the console (until killed without a terminal)";
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
            throw new UsageException("'serve' takes no arguments");
        }
        return context -> {
            Host host = context.host();
            ServiceRegistration<?> registration = GogoCommands.register(host, consoleCommands);
            boolean interactive = Terminals.interactive();
            context.out().println("Synlab serving: " + host.plugins().parts().size() + " plugin parts from "
                    + host.layout().bundlesDir() + "; " + (interactive
                    ? "console ready" : "no console (stdin is not a terminal); stop with SIGTERM"));
            context.out().flush();
            if (interactive) {
                host.openConsole();
            }
            host.awaitStop();
            GogoCommands.unregister(registration);
            return ExitCodes.OK;
        };
    }
}
