package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into flags ({@code --json}), options with a value
 * ({@code --status failed} or {@code --status=failed}) and positional arguments. Flags and options
 * not in the command's sets are rejected, so a typo is an error rather than an ignored option.
 */
final class Arguments {

    static final String HELP = "--help";

    private final Set<String> flags;
    private final Map<String, String> options;
    private final List<String> positional;

    private Arguments(Set<String> flags, Map<String, String> options, List<String> positional) {
        this.flags = flags;
        this.options = options;
        this.positional = positional;
    }

    static Arguments parse(Command command, List<String> args, Set<String> allowedFlags) throws UsageException {
        return parse(command, args, allowedFlags, Set.of());
    }

    /** @param valueOptions options that take a value, e.g. {@code --format} */
    static Arguments parse(Command command, List<String> args, Set<String> allowedFlags, Set<String> valueOptions)
            throws UsageException {
        Set<String> flags = new LinkedHashSet<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean flagsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = flagsEnded ? null : valueOption(arg, valueOptions);
            if (option != null) {
                String value;
                if (arg.length() > option.length()) {
                    value = arg.substring(option.length() + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    value = "";
                }
                if (value.isBlank()) {
                    throw new UsageException("'" + option + "' needs a value; usage: " + command.synopsis());
                }
                options.put(option, value);
            } else if (!flagsEnded && arg.equals("--")) {
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
        return new Arguments(flags, options, List.copyOf(positional));
    }

    /** The option {@code arg} is ({@code --format} or {@code --format=...}), or null. */
    private static String valueOption(String arg, Set<String> valueOptions) {
        for (String option : valueOptions) {
            if (arg.equals(option) || arg.startsWith(option + "=")) {
                return option;
            }
        }
        return null;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    /** The value given to an option that takes one. */
    Optional<String> value(String option) {
        return Optional.ofNullable(options.get(option));
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
