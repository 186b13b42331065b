package org.synlab.host.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.synlab.engine.Experiment;
import org.synlab.engine.PartRef;
import org.synlab.engine.Progress;
import org.synlab.host.internal.PluginPart;
import org.synlab.host.internal.RunLifecycle;
import org.synlab.host.internal.RunSummary;
import org.synlab.host.internal.RunTask;

/**
 * Records every run of the host in the run store: the row at start (status {@code running}), one
 * history point per metric and step, and the end. On the run's thread it only builds a small
 * record and queues it; the store's writer does the I/O.
 *
 * <p>The step of a point is the epoch. The engine also reports running means part-way through a
 * long epoch; those are left out of the history, since the epoch's own value supersedes them and
 * two values at one step would make a curve zig-zag (the live view gets them from the bus).
 */
public final class RunRecorder implements RunLifecycle {

    private final RunStore store;
    private final Function<PartRef, Optional<PluginPart>> plugins;
    /** Where each running run writes its checkpoint, known from its start; read again at its end. */
    private final Map<String, Path> checkpoints = new ConcurrentHashMap<>();

    /** @param plugins finds the live part (and its bundle) behind a name the run uses */
    public RunRecorder(RunStore store, Function<PartRef, Optional<PluginPart>> plugins) {
        this.store = store;
        this.plugins = plugins;
    }

    @Override
    public void started(String runId, RunTask task) {
        Optional<Experiment> source = task.source();
        Path file = source.map(e -> e.file().toAbsolutePath().normalize()).orElse(null);
        String config = source.map(e -> ExperimentText.yaml(e.config())).orElse(null);
        List<String> overrides = source.map(Experiment::overrides).orElse(List.of());
        String commit = file == null ? null : GitCommit.of(file.getParent()).orElse(null);
        List<PluginUse> uses = task.parts().stream()
                .sorted(Comparator.comparing(PartRef::toString))
                .map(this::use)
                .toList();
        source.flatMap(RunRecorder::checkpoint).ifPresent(path -> checkpoints.put(runId, path));
        store.submit(new RunStart(runId, task.experiment(), file == null ? null : file.toString(), config, overrides,
                task.seed(), task.backend(), commit, System.currentTimeMillis(), store.owner(), uses));
    }

    private PluginUse use(PartRef ref) {
        Optional<PluginPart> part = plugins.apply(ref);
        return new PluginUse(ref.kind().label(), ref.name(), part.map(PluginPart::bundleSymbolicName).orElse(null),
                part.map(PluginPart::bundleVersion).orElse(null));
    }

    @Override
    public void progress(String runId, Progress progress) {
        if (!endOfEpoch(progress)) {
            return;
        }
        store.submit(new MetricPoints(runId, progress.epoch(), System.currentTimeMillis(), progress.metrics()));
    }

    /** The engine's report at an epoch's end says the whole epoch is done: fraction == epoch / epochs. */
    static boolean endOfEpoch(Progress p) {
        return p.epochs() <= 0 || p.fraction() >= (double) p.epoch() / p.epochs();
    }

    @Override
    public void finished(RunSummary summary) {
        store.submit(new RunEnd(summary.run(), summary.status(), summary.reason(), System.currentTimeMillis(),
                summary.wallSeconds(), summary.metrics(), summary.notes(), artifacts(summary.run())));
    }

    /** Files the run left that the store should point to: its checkpoint, when it wrote one. */
    private List<Artifact> artifacts(String runId) {
        List<Artifact> artifacts = new ArrayList<>();
        Path checkpoint = checkpoints.remove(runId);
        if (checkpoint != null && Files.isRegularFile(checkpoint)) {
            artifacts.add(new Artifact("checkpoint", checkpoint.toString()));
        }
        return artifacts;
    }

    /** {@code training.checkpoint}, resolved as the engine does: against the experiment file's folder. */
    static Optional<Path> checkpoint(Experiment experiment) {
        if (experiment.config().get("training") instanceof Map<?, ?> training
                && training.get("checkpoint") instanceof String path && !path.isBlank()) {
            Path folder = experiment.file().toAbsolutePath().getParent();
            try {
                return Optional.of((folder == null ? Path.of(path) : folder.resolve(path)).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
