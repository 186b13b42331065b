package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoredRun;

/** {@code compare RUN RUN...}: recorded runs side by side, configuration differences and final metrics. */
final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String synopsis() {
        return "compare RUN RUN...";
    }

    @Override
    public String description() {
        return "compare recorded runs: the config keys that differ between the experiments as run, "
                + "and the final metrics side by side";
    }

    @Override
    public Needs needs() {
        return Needs.STORE;
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of());
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        Set<String> ids = new LinkedHashSet<>(arguments.positional());
        if (ids.size() < 2) {
            throw new UsageException("'compare' takes two or more different run ids; usage: " + synopsis());
        }
        return context -> {
            RunStore store = StoredRuns.require(context);
            List<StoredRun> runs = new ArrayList<>();
            for (String id : ids) {
                runs.add(StoredRuns.find(store, id));
            }
            context.out().print(CompareText.format(runs));
            return ExitCodes.OK;
        };
    }
}
