package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoredRun;

/** {@code export RUN [--format csv|json]}: a recorded run's metric history on stdout. */
final class ExportCommand implements Command {

    static final String FORMAT = "--format";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String synopsis() {
        return "export RUN [--format csv|json]";
    }

    @Override
    public String description() {
        return "write a recorded run's metric history (metric, step, wall time, value) to stdout; csv by default";
    }

    @Override
    public Needs needs() {
        return Needs.STORE;
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of(), Set.of(FORMAT));
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (arguments.positional().size() != 1) {
            throw new UsageException("'export' takes one run id; usage: " + synopsis());
        }
        String id = arguments.positional().getFirst();
        HistoryExport format = HistoryExport.of(arguments.value(FORMAT).orElse("csv"));
        return context -> {
            RunStore store = StoredRuns.require(context);
            StoredRun run = StoredRuns.find(store, id);
            context.out().print(format.write(run.id(), run.experiment(), store.history(run.id())));
            return ExitCodes.OK;
        };
    }
}
