package org.synlab.host.internal.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.ExperimentLoader;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.RunRecord;
import org.synlab.host.internal.RunSummary;
import org.synlab.host.internal.RunTask;

/**
 * {@code run FILE [key=value ...] [--json] [--wait]}: loads and checks an experiment, resolves its
 * plugins through a per-run injector, and executes it on a worker thread. Headless (and with
 * {@code --wait} in the console) it follows the run's events until the end; in the console without
 * {@code --wait} it prints the run id and returns.
 */
final class RunCommand implements Command {

    static final String JSON = "--json";
    static final String WAIT = "--wait";
    /** How long to wait for the {@code finished} event after the run has ended. */
    private static final long SUMMARY_EVENT_WAIT_MS = 5_000;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "run FILE [key=value ...] [--json] [--wait]";
    }

    @Override
    public String description() {
        return "run an experiment file, with dotted-key overrides; --json ends with a JSON summary line; "
                + "in the console, --wait blocks until the run ends";
    }

    @Override
    public Action parse(List<String> args) throws UsageException, BadInputException {
        Arguments arguments = Arguments.parse(this, args, Set.of(JSON, WAIT));
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (arguments.positional().isEmpty()) {
            throw new UsageException("missing the experiment file; usage: " + synopsis());
        }
        Path file = Path.of(arguments.positional().getFirst());
        List<String> overrides = arguments.positional().subList(1, arguments.positional().size());
        Experiment experiment = ExperimentLoader.load(file, overrides);
        boolean json = arguments.has(JSON);
        boolean wait = arguments.has(WAIT);
        return context -> execute(context, experiment, json, wait);
    }

    private int execute(CommandContext context, Experiment experiment, boolean json, boolean wait)
            throws BadInputException, InterruptedException {
        RunTask task = context.host().preparer().prepare(experiment);
        return start(context, task, json, wait);
    }

    /** Starts a prepared run; headless or with {@code --wait}, follows it to the end and reports it. */
    int start(CommandContext context, RunTask task, boolean json, boolean wait) throws InterruptedException {
        Host host = context.host();
        String id = host.runs().newRunId();
        if (context.console() && !wait) {
            host.runs().start(id, task);
            context.out().println("started " + id + " (" + task.experiment() + "); 'synlab:runs' shows it, "
                    + "'synlab:stop " + id + "' stops it");
            return ExitCodes.OK;
        }
        ProgressBar bar = new ProgressBar(context.err(), context.terminal(), System::nanoTime);
        RunSummary summary;
        try (RunWatch watch = RunWatch.open(host.events().bus(), id, context.console() ? e -> { } : bar::update)) {
            RunRecord record = host.runs().start(id, task);
            RunSummary direct = awaitEnd(host, record);
            // the summary printed is the one that travelled the bus; the record's copy only covers a lost event
            summary = watch.summary(SUMMARY_EVENT_WAIT_MS).orElse(direct);
        } finally {
            bar.finish();
        }
        if (json) {
            context.out().println(Json.line(summary.toMap()));
        } else {
            context.out().print(SummaryText.format(summary));
        }
        return "finished".equals(summary.status()) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Waits for the end; an interrupt (Ctrl-C in the console) stops the run rather than orphaning it. */
    private static RunSummary awaitEnd(Host host, RunRecord record) throws InterruptedException {
        try {
            return record.done().get();
        } catch (InterruptedException e) {
            host.runs().stop(record.id(), "stopped by user");
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + record.id() + " ended abnormally", e.getCause());
        }
    }
}
