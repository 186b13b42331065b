package org.synlab.host.internal.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.ServiceRegistration;
import org.synlab.host.internal.Host;

/**
 * The Synlab commands as Gogo sees them: a plain object registered with the string properties
 * {@code osgi.command.scope} and {@code osgi.command.function}, so the host never links to Gogo's
 * packages (exporting them from the host breaks the shell). Gogo calls these public methods by
 * name and prints what they return.
 */
public final class GogoCommands {

    static final String SCOPE = "synlab";

    private final Host host;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    GogoCommands(Host host, List<Command> commands) {
        this.host = host;
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    static ServiceRegistration<?> register(Host host, List<Command> commands) {
        GogoCommands service = new GogoCommands(host, commands);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", SCOPE);
        properties.put("osgi.command.function", commands.stream().map(Command::name).toArray(String[]::new));
        return host.context().registerService(Object.class.getName(), service, properties);
    }

    public String run(String... args) {
        return call("run", args);
    }

    public String runs(String... args) {
        return call("runs", args);
    }

    public String show(String... args) {
        return call("show", args);
    }

    public String compare(String... args) {
        return call("compare", args);
    }

    public String export(String... args) {
        return call("export", args);
    }

    public String stop(String... args) {
        return call("stop", args);
    }

    public String plugins(String... args) {
        return call("plugins", args);
    }

    /** Runs a command as the console does, returning its output (errors included) as text. */
    String call(String name, String... args) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        CommandContext context = new CommandContext(host, writer, writer, true, false);
        Cli.invoke(commands.get(name), List.of(args), context);
        writer.flush();
        return text.toString().stripTrailing();
    }

    /** Withdraws the commands; harmless when the framework already took them down. */
    static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the framework
        }
    }
}
