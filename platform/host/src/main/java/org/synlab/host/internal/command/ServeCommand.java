package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.web.DashboardControl;

/**
 * {@code serve}: keeps the host running, FileInstall watching the plugin folder, with the console
 * when a person is at the terminal. Without a terminal (a service, a container) it runs until
 * killed; SIGTERM shuts it down cleanly through the shutdown hook. The live dashboard is served
 * alongside, on 127.0.0.1 unless {@code --bind} says otherwise.
 */
final class ServeCommand extends HostKeepingCommand {

    static final String PORT = "--port";
    static final String BIND = "--bind";
    /** The dashboard's port unless told otherwise; 0 picks any free port. */
    static final int DEFAULT_PORT = 8642;
    /** Only this machine can open the dashboard unless told otherwise: it can start and stop runs. */
    static final String DEFAULT_BIND = "127.0.0.1";

    private String dashboardUrl;

    ServeCommand(List<Command> consoleCommands) {
        super(consoleCommands);
    }

    @Override
    public String synopsis() {
        return "serve [--port N] [--bind ADDRESS]";
    }

    @Override
    Set<String> valueOptions() {
        return Set.of(PORT, BIND);
    }

    @Override
    Runnable begin(CommandContext context, Host host, Arguments arguments) throws UsageException {
        int port = port(arguments.value(PORT).orElse(String.valueOf(DEFAULT_PORT)));
        String bind = arguments.value(BIND).orElse(DEFAULT_BIND);
        DashboardControl dashboard;
        try {
            dashboard = DashboardControl.start(host, bind, port);
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage() + "; choose another with " + PORT + " N (0 for any free port)");
        }
        dashboardUrl = dashboard.url();
        return dashboard::close;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with what was expected
        }
        throw new UsageException(PORT + ": expected a port number from 0 to 65535, got '" + value + "'");
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String description() {
        return "keep running with hot deploy of the plugin folder, the console (until killed without a terminal) and "
                + "the live dashboard (default http://" + DEFAULT_BIND + ":" + DEFAULT_PORT + "/)";
    }

    @Override
    boolean announce(CommandContext context, Host host) {
        boolean interactive = Terminals.interactive();
        context.out().println("Synlab serving: " + host.plugins().parts().size() + " plugin parts from "
                + host.layout().bundlesDir() + "; dashboard at " + dashboardUrl + "; " + (interactive
                ? "console ready" : "no console (stdin is not a terminal); stop with SIGTERM"));
        context.out().flush();
        return interactive;
    }
}
