package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoredRun;

/** {@code show RUN [--json]}: one recorded run in full. */
final class ShowCommand implements Command {

    static final String JSON = "--json";

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String synopsis() {
        return "show RUN [--json]";
    }

    @Override
    public String description() {
        return "show a recorded run: file and git commit, seed, backend, plugins, final metrics, history, "
                + "artifacts, the experiment as run (RUN may be a unique prefix of the id)";
    }

    @Override
    public Needs needs() {
        return Needs.STORE;
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of(JSON));
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (arguments.positional().size() != 1) {
            throw new UsageException("'show' takes one run id; usage: " + synopsis());
        }
        String id = arguments.positional().getFirst();
        boolean json = arguments.has(JSON);
        return context -> {
            RunStore store = StoredRuns.require(context);
            StoredRun run = StoredRuns.find(store, id);
            ShowText text = new ShowText(run, store.plugins(run.id()), store.historySummary(run.id()),
                    store.artifacts(run.id()));
            if (json) {
                context.out().println(Json.line(text.toMap()));
            } else {
                context.out().print(text.format());
            }
            return ExitCodes.OK;
        };
    }
}
