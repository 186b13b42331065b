package org.synlab.host.internal.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.synlab.host.internal.RunRecord;

/** {@code runs}: the runs of this host process, with their state and latest metrics. */
final class RunsCommand implements Command {

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String synopsis() {
        return "runs";
    }

    @Override
    public String description() {
        return "list the runs of this host process: id, experiment, status, epoch, latest metrics";
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of());
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("'runs' takes no arguments, got '" + arguments.positional().getFirst() + "'");
        }
        return context -> {
            List<RunRecord> runs = context.host().runs().list();
            if (runs.isEmpty()) {
                context.out().println("no runs in this host process");
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("ID", "EXPERIMENT", "STATUS", "EPOCH", "METRICS");
            for (RunRecord run : runs) {
                String epoch = run.epochs() == 0 ? "-" : run.epoch() + "/" + run.epochs();
                String status = run.reason() == null ? run.status() : run.status() + " (" + run.reason() + ")";
                table.row(run.id(), run.experiment(), status, epoch, metrics(run.metrics()));
            }
            context.out().print(table);
            return ExitCodes.OK;
        };
    }

    private static String metrics(Map<String, Double> metrics) {
        return new TreeMap<>(metrics).entrySet().stream()
                .map(e -> e.getKey() + "=" + MetricText.number(e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
