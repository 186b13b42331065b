package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every Synlab command, and those the console offers under the {@code synlab} scope. */
public final class Commands {

    private final List<Command> console;
    private final List<Command> all;

    public Commands() {
        this.console = List.of(new RunCommand(), new RunsCommand(), new ShowCommand(), new CompareCommand(),
                new ExportCommand(), new StopCommand(), new PluginsCommand());
        List<Command> everything = new ArrayList<>(console);
        everything.add(new ShellCommand(console));
        everything.add(new ServeCommand(console));
        everything.add(new HelpCommand(this::all));
        this.all = List.copyOf(everything);
    }

    public List<Command> all() {
        return all;
    }

    /** The commands registered with Gogo. */
    public List<Command> console() {
        return console;
    }

    public Optional<Command> find(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
