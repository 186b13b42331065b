package org.synlab.host.internal.command;

import java.util.List;
import java.util.Set;
import org.synlab.host.internal.RunRecord;

/** {@code stop ID}: cancels a run; it ends as failed with the reason "stopped by user". */
final class StopCommand implements Command {

    static final String REASON = "stopped by user";

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String synopsis() {
        return "stop ID";
    }

    @Override
    public String description() {
        return "stop a run of this host process (in the console type synlab:stop; Felix has a stop too)";
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of());
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (arguments.positional().size() != 1) {
            throw new UsageException("'stop' takes one run id; usage: " + synopsis());
        }
        String id = arguments.positional().getFirst();
        return context -> {
            RunRecord run = context.host().runs().find(id)
                    .orElseThrow(() -> new UsageException("no run '" + id + "' in this host process"));
            if (!run.running()) {
                context.out().println(id + " has already " + run.status());
                return ExitCodes.OK;
            }
            context.host().runs().stop(id, REASON);
            context.out().println("stopping " + id);
            return ExitCodes.OK;
        };
    }
}
