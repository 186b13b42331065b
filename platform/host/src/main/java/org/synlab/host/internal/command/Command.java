package org.synlab.host.internal.command;

import java.util.List;
import org.synlab.engine.BadInputException;
import org.synlab.host.internal.HostStartException;

/**
 * A Synlab command. The same object serves the headless CLI ({@code synlab run ...}) and the Gogo
 * console ({@code synlab:run ...}): arguments are checked first, without a host, so bad input is
 * reported before anything boots; the returned action then does the work.
 */
public interface Command {

    /** What a command needs started before its action runs. */
    enum Needs {
        /** Nothing: {@code help}. */
        NOTHING,
        /** The run store only; the CLI opens it without booting the framework, the console uses the host's. */
        STORE,
        /** The framework with the plugins of the deploy folder. */
        PLUGINS,
        /** The plugins and Gogo with its terminal. */
        CONSOLE
    }

    String name();

    /** The usage line, e.g. {@code run FILE [key=value ...] [--json] [--wait]}. */
    String synopsis();

    /** One line for {@code help}. */
    String description();

    default Needs needs() {
        return Needs.PLUGINS;
    }

    /** For {@link Needs#CONSOLE}: the Gogo shell's {@code gosh.args}. */
    default String consoleArgs() {
        return "";
    }

    /**
     * Checks the arguments.
     *
     * @throws UsageException    for an unknown flag, a missing or extra argument
     * @throws BadInputException for input the command reads up front (an experiment file)
     */
    Action parse(List<String> args) throws UsageException, BadInputException;

    /** The checked command, ready to run against a host. */
    @FunctionalInterface
    interface Action {
        /** @return the exit code ({@link ExitCodes}) */
        int execute(CommandContext context)
                throws UsageException, BadInputException, HostStartException, InterruptedException;

        /** False for actions that only print (a command's {@code --help}), which need no host booted. */
        default boolean needsHost() {
            return true;
        }
    }
}
