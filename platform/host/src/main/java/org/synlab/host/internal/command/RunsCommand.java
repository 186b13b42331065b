package org.synlab.host.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.synlab.host.internal.RunRecord;
import org.synlab.host.internal.store.RunFilter;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoredRun;

/**
 * {@code runs [--json] [--experiment NAME] [--status STATUS]}: the runs in the run store, oldest
 * first, whichever process ran them. In the console, a run of this host shows its state, epoch and
 * latest metrics from memory, which is ahead of the store. With the store switched off, the console
 * lists the runs of its own process as before.
 */
final class RunsCommand implements Command {

    static final String JSON = "--json";
    static final String EXPERIMENT = "--experiment";
    static final String STATUS = "--status";

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String synopsis() {
        return "runs [--json] [--experiment NAME] [--status STATUS]";
    }

    @Override
    public String description() {
        return "list the recorded runs: id, experiment, status, start, wall time, final loss and accuracy; "
                + "STATUS is one of " + String.join(", ", StoredRun.STATUSES);
    }

    @Override
    public Needs needs() {
        return Needs.STORE;
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of(JSON), Set.of(EXPERIMENT, STATUS));
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("'runs' takes no arguments, got '" + arguments.positional().getFirst()
                    + "'; usage: " + synopsis());
        }
        String status = arguments.value(STATUS).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (status != null && !StoredRun.STATUSES.contains(status)) {
            throw new UsageException("unknown status '" + status + "'; expected one of "
                    + String.join(", ", StoredRun.STATUSES));
        }
        RunFilter filter = new RunFilter(arguments.value(EXPERIMENT).orElse(null), status);
        boolean json = arguments.has(JSON);
        return context -> {
            Optional<RunStore> store = context.runStore();
            if (store.isEmpty()) {
                return liveOnly(context, json);
            }
            List<StoredRun> runs = store.get().list(filter);
            if (json) {
                context.out().println(Json.line(runs.stream().map(r -> withLive(context, r)).toList()));
            } else if (runs.isEmpty()) {
                context.out().println(filter.equals(RunFilter.ALL) ? "no runs recorded yet; 'synlab run FILE' starts one"
                        : "no recorded runs match");
            } else {
                TextTable table = new TextTable("ID", "EXPERIMENT", "STATUS", "STARTED", "SECONDS", "METRICS");
                for (StoredRun run : runs) {
                    Optional<RunRecord> live = live(context, run);
                    String shown = live.map(RunsCommand::liveStatus).orElse(StoredRuns.status(run));
                    Map<String, Double> metrics = live.map(RunRecord::metrics).orElse(run.metrics());
                    table.row(run.id(), run.experiment(), shown, StoredRuns.local(run.startedMillis()),
                            run.wallSeconds() == null ? "-" : String.format(Locale.ROOT, "%.2f", run.wallSeconds()),
                            headline(metrics));
                }
                context.out().print(table);
            }
            return ExitCodes.OK;
        };
    }

    /**
     * A run of this very host: its state in memory is ahead of the store, whose writer commits a
     * moment later (so a run that just ended reads as ended here at once).
     */
    private static Optional<RunRecord> live(CommandContext context, StoredRun run) {
        return context.host() == null ? Optional.empty() : context.host().runs().find(run.id());
    }

    private static Map<String, Object> withLive(CommandContext context, StoredRun run) {
        Map<String, Object> map = StoredRuns.toMap(run);
        live(context, run).ifPresent(r -> {
            map.put("status", r.status());
            map.put("reason", r.reason());
            if (r.running()) {
                map.put("epoch", r.epoch());
                map.put("epochs", r.epochs());
            }
        });
        return map;
    }

    private static String liveStatus(RunRecord run) {
        if (!run.running()) {
            return run.reason() == null ? run.status() : run.status() + " (" + run.reason() + ")";
        }
        return run.epochs() == 0 ? run.status() : run.status() + " (epoch " + run.epoch() + "/" + run.epochs() + ")";
    }

    /**
     * Loss and accuracy figures, and a spiking run's mean rate: the ones worth a glance in a list;
     * {@code show} has them all.
     */
    static String headline(Map<String, Double> metrics) {
        String text = new TreeMap<>(metrics).entrySet().stream()
                .filter(e -> e.getKey().endsWith("loss") || e.getKey().endsWith("accuracy") || e.getKey().equals("rate_hz"))
                .map(e -> e.getKey() + "=" + MetricText.number(e.getValue()))
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? "-" : text;
    }

    /** The store is off: in the console, this process's own runs; headless there is nothing to list. */
    private static int liveOnly(CommandContext context, boolean json) throws UsageException {
        if (context.host() == null) {
            StoredRuns.require(context);
        }
        List<RunRecord> runs = context.host().runs().list();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (RunRecord run : runs) {
                list.add(Map.of("run", run.id(), "experiment", run.experiment(), "status", run.status()));
            }
            context.out().println(Json.line(list));
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            context.out().println("no runs in this host process (the run store is off)");
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "EXPERIMENT", "STATUS", "EPOCH", "METRICS");
        for (RunRecord run : runs) {
            String epoch = run.epochs() == 0 ? "-" : run.epoch() + "/" + run.epochs();
            String status = run.reason() == null ? run.status() : run.status() + " (" + run.reason() + ")";
            table.row(run.id(), run.experiment(), status, epoch, headline(run.metrics()));
        }
        context.out().print(table);
        return ExitCodes.OK;
    }
}
