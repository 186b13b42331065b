package org.synlab.host.internal.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synlab.engine.BadInputException;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.HostStartException;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoreException;
import org.synlab.host.internal.store.StoreSettings;

/**
 * The headless command line: {@code synlab <command> [arguments]}. Arguments are checked before
 * anything boots, so bad input costs nothing and exits with 2 and one line on stderr.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    /** How long a command waits for the plugin folder's first scan. */
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(10);

    private final Commands commands = new Commands();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<DistributionLayout> layout;
    private final Supplier<StoreSettings> store;
    private final boolean terminal;

    /**
     * @param layout   where the bundles are, asked only when a command needs the host
     * @param terminal whether stderr is a terminal (progress redrawn in place)
     */
    public Cli(PrintWriter out, PrintWriter err, Supplier<DistributionLayout> layout, boolean terminal) {
        this(out, err, layout, StoreSettings::fromSystemProperties, terminal);
    }

    /** @param store where the run store is, asked only when a command needs it */
    public Cli(PrintWriter out, PrintWriter err, Supplier<DistributionLayout> layout, Supplier<StoreSettings> store,
               boolean terminal) {
        this.out = out;
        this.err = err;
        this.layout = layout;
        this.store = store;
        this.terminal = terminal;
    }

    /** @return the exit code */
    public int run(List<String> argv) {
        try {
            return dispatch(argv);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> argv) {
        if (argv.isEmpty()) {
            err.println("synlab: missing command; try 'synlab help'");
            return ExitCodes.BAD_INPUT;
        }
        String name = argv.getFirst();
        if (name.equals("--help") || name.equals("-h")) {
            name = "help";
        }
        Command command = commands.find(name).orElse(null);
        if (command == null) {
            err.println("synlab: unknown command '" + name + "'; commands: "
                    + String.join(", ", commands.all().stream().map(Command::name).toList()));
            return ExitCodes.BAD_INPUT;
        }
        Command.Action action;
        try {
            action = command.parse(argv.subList(1, argv.size()));
        } catch (UsageException | BadInputException e) {
            err.println("synlab: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (command.needs() == Command.Needs.NOTHING || !action.needsHost()) {
            return execute(action, new CommandContext(null, out, err, false, terminal));
        }
        if (command.needs() == Command.Needs.STORE) {
            return withStore(action);
        }
        return withHost(command, action);
    }

    /**
     * Reading the store needs no framework: it opens in a fraction of the host's start, and opening
     * it marks the runs of hosts that died mid-run interrupted, as a host start would.
     */
    private int withStore(Command.Action action) {
        StoreSettings settings;
        try {
            settings = store.get();
        } catch (IllegalArgumentException e) {
            err.println("synlab: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!settings.enabled()) {
            return execute(action, new CommandContext(null, null, out, err, false, terminal));
        }
        RunStore opened;
        try {
            opened = RunStore.open(settings);
        } catch (StoreException e) {
            LOG.debug("run store open failed", e);
            err.println("synlab: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        try (opened) {
            return execute(action, new CommandContext(null, opened, out, err, false, terminal));
        }
    }

    private int withHost(Command command, Command.Action action) {
        Host host;
        try {
            DistributionLayout where = layout.get();
            String consoleArgs = command.needs() == Command.Needs.CONSOLE ? command.consoleArgs() : null;
            host = Host.start(new Host.Options(where, consoleArgs, SCAN_TIMEOUT, store.get()));
        } catch (HostStartException | RuntimeException e) {
            LOG.debug("host start failed", e);
            err.println("synlab: cannot start the host: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        // SIGTERM (or Ctrl-C) stops runs, the framework and Vert.x, and deletes the framework storage
        Thread hook = new Thread(host::close, "synlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute(action, new CommandContext(host, out, err, false, terminal));
        } finally {
            host.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook has done the same close
            }
        }
    }

    /** Runs a parsed action, turning failures into one {@code synlab: ...} line and an exit code. */
    static int execute(Command.Action action, CommandContext context) {
        try {
            return action.execute(context);
        } catch (UsageException | BadInputException e) {
            context.err().println("synlab: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (HostStartException | StoreException e) {
            context.err().println("synlab: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("synlab: interrupted");
            return ExitCodes.FAILED;
        } catch (RuntimeException e) {
            LOG.error("command failed", e);
            context.err().println("synlab: " + e);
            return ExitCodes.FAILED;
        }
    }

    /** Parses and runs one command in the console. */
    static int invoke(Command command, List<String> args, CommandContext context) {
        Command.Action action;
        try {
            action = command.parse(args);
        } catch (UsageException | BadInputException e) {
            context.err().println("synlab: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return execute(action, context);
    }
}
