package org.synlab.host.internal.command;

import java.util.List;
import java.util.function.Supplier;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.store.StoreSettings;

/** {@code help}: the commands, exit codes and the system properties the host reads. */
final class HelpCommand implements Command {

    private final Supplier<List<Command>> commands;

    HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String synopsis() {
        return "help";
    }

    @Override
    public String description() {
        return "show this help";
    }

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public Action parse(List<String> args) {
        return context -> {
            context.out().print(text(commands.get()));
            return ExitCodes.OK;
        };
    }

    static String text(List<Command> commands) {
        StringBuilder sb = new StringBuilder("usage: synlab <command> [arguments]\n\ncommands:\n");
        TextTable table = new TextTable("", "");
        commands.forEach(c -> table.row("  " + c.synopsis(), c.description()));
        String rows = table.toString();
        sb.append(rows.substring(rows.indexOf('\n') + 1));
        sb.append("""

                In the console (synlab shell / serve) the same commands run as synlab:run, synlab:runs,
                synlab:show, synlab:compare, synlab:export, synlab:stop and synlab:plugins, next to
                Felix's own (lb, install, ...).

                Every run is recorded in the run store; a run whose host was killed is marked
                interrupted the next time Synlab starts.

                exit codes: 0 finished, 1 failed, 2 bad input (unknown command or flag, missing argument,
                a wrong experiment file or key).

                system properties:
                """);
        sb.append("  -D").append(DistributionLayout.HOME_PROPERTY)
                .append("=DIR     the distribution (infrastructure bundles in DIR/system)\n");
        sb.append("  -D").append(DistributionLayout.BUNDLES_PROPERTY)
                .append("=DIR  the plugin folder watched for bundles (default DIR/bundles of the home)\n");
        sb.append("  -D").append(StoreSettings.DATA_PROPERTY)
                .append("=DIR     data: datasets and the run store, DIR/store/runs.mv.db (default ~/.synlab)\n");
        sb.append("  -D").append(StoreSettings.URL_PROPERTY)
                .append("=URL  the run store as a JDBC URL instead (e.g. PostgreSQL, driver jar in lib/)\n");
        sb.append("  -D").append(StoreSettings.STORE_PROPERTY)
                .append("=off      record nothing (also the environment variable ").append(StoreSettings.STORE_ENV)
                .append("=off)\n");
        return sb.toString();
    }
}
