package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.osgi.framework.ServiceRegistration;
import org.synlab.host.internal.Host;

/**
 * What {@code shell} and {@code serve} share: no arguments, the Synlab commands registered with Gogo
 * for as long as the host runs, and a wait until the host stops. They differ only in what they say
 * when they start and in whether the console always opens.
 */
abstract class HostKeepingCommand implements Command {

    private final List<Command> consoleCommands;

    HostKeepingCommand(List<Command> consoleCommands) {
        this.consoleCommands = consoleCommands;
    }

    @Override
    public String synopsis() {
        return name();
    }

    /** Options that take a value (e.g. {@code --port}); none by default. */
    Set<String> valueOptions() {
        return Set.of();
    }

    /**
     * Starts what lives as long as the host keeps running (serve's dashboard); returns what stops it
     * after the host has stopped.
     */
    Runnable begin(CommandContext context, Host host, Arguments arguments) throws UsageException {
        return () -> { };
    }

    @Override
    public final Needs needs() {
        return Needs.CONSOLE;
    }

    @Override
    public final Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of(), valueOptions());
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("'" + name() + "' takes no arguments; usage: " + synopsis());
        }
        return context -> {
            Host host = context.host();
            ServiceRegistration<?> registration = GogoCommands.register(host, consoleCommands);
            Runnable stopAlongside = () -> { };
            try {
                stopAlongside = begin(context, host, arguments);
                if (announce(context, host)) {
                    host.openConsole();
                }
                host.awaitStop();
            } finally {
                stopAlongside.run();
                GogoCommands.unregister(registration);
            }
            return ExitCodes.OK;
        };
    }

    /** Says that the host is up; returns whether to open the interactive console. */
    abstract boolean announce(CommandContext context, Host host);
}
