package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A command's arguments split into flags ({@code --json}) and positional arguments. Flags not in
 * the command's set are rejected, so a typo is an error rather than an ignored option.
 */
final class Arguments {

    static final String HELP = "--help";

    private final Set<String> flags;
    private final List<String> positional;

    private Arguments(Set<String> flags, List<String> positional) {
        this.flags = flags;
        this.positional = positional;
    }

    static Arguments parse(Command command, List<String> args, Set<String> allowedFlags) throws UsageException {
        Set<String> flags = new LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        boolean flagsEnded = false;
        for (String arg : args) {
            if (!flagsEnded && arg.equals("--")) {
                flagsEnded = true;
            } else if (!flagsEnded && (arg.equals("-h") || arg.equals(HELP))) {
                flags.add(HELP);
            } else if (!flagsEnded && arg.startsWith("-") && arg.length() > 1 && !arg.contains("=")
                    && !Character.isDigit(arg.charAt(1))) {
                if (!allowedFlags.contains(arg)) {
                    throw new UsageException("unknown flag '" + arg + "' for '" + command.name() + "'; usage: "
                            + command.synopsis());
                }
                flags.add(arg);
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(flags, List.copyOf(positional));
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    boolean wantsHelp() {
        return flags.contains(HELP);
    }

    List<String> positional() {
        return positional;
    }

    /** An action that prints the command's usage. */
    static Command.Action usage(Command command) {
        return new Command.Action() {
            @Override
            public int execute(CommandContext context) {
                context.out().println("usage: synlab " + command.synopsis());
                context.out().println("  " + command.description());
                return ExitCodes.OK;
            }

            @Override
            public boolean needsHost() {
                return false;
            }
        };
    }
}
