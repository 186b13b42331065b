package org.synlab.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Dataset;
import org.synlab.api.Tensor;
import org.synlab.engine.ClassificationReport;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

/**
 * Executes a {@link RunPlan}: builds the network on the backend, trains it epoch by epoch
 * (mini-batches, seeded shuffling, the scheduled learning rate), validates after every epoch when a
 * validation split is held out, reports progress, and evaluates the other splits at the end, with a
 * classification report for classifiers. Metrics follow Keras: {@code train.loss} and
 * {@code train.accuracy} are means over the epoch's batches, each measured before that batch's
 * update. A long and large enough gradient run first trains a throwaway copy of the network ({@link TrainingWarmUp},
 * {@code warm_up_seconds}) so that the JIT has compiled the step before it is measured.
 * {@code samples_per_second} is training samples over the time spent in training batches;
 * {@code last_epoch.samples_per_second} the same for the latest epoch alone; {@code epoch_seconds} is
 * the mean wall time of an epoch, validation and checkpoint included.
 */
public final class Trainer {

    private static final long INIT_PURPOSE = 1;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    private final RunPlan plan;
    private final ExperimentSpec spec;
    private final RunListener listener;
    private final RunControl control;

    Trainer(RunPlan plan, RunListener listener, RunControl control) {
        this.plan = plan;
        this.spec = plan.spec();
        this.listener = listener;
        this.control = control;
    }

    RunResult run() {
        long start = System.nanoTime();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<Double>> history = new LinkedHashMap<>();
        try (Compute compute = plan.backend().open(new ComputeConfig(spec.threads(), spec.seed()))) {
            Session session = new Session(compute, notes);
            if (spec.network().load() != null) {
                notes.add("initialised from " + spec.network().load());
            }
            String failure = plan.learns() ? session.train(metrics, notes, history) : null;
            if (failure == null && !plan.learns()) {
                notes.add("evaluation only: no learning section, so the weights are used as given");
                metrics.put("epochs", 0.0);
            }
            if (failure == null) {
                failure = session.evaluateSplits(metrics, !plan.learns());
            }
            if (failure == null) {
                session.truth.measure(metrics, true);
            }
            double wall = seconds(System.nanoTime() - start);
            return failure == null
                    ? new RunResult(RunStatus.FINISHED, null, metrics, notes, wall, history, session.report)
                    : new RunResult(RunStatus.FAILED, failure, metrics, notes, wall, history);
        } catch (RuntimeException | LinkageError e) {
            // a plugin threw, or its bundle went away under the run: the run fails, the host goes on
            String reason = control.cancelled() ? control.cancelReason()
                    : "error during the run: " + e;
            return new RunResult(RunStatus.FAILED, reason, metrics, notes, seconds(System.nanoTime() - start), history);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The tensors and state of one run on one backend context. */
    private final class Session {
        private final Compute compute;
        private final Network network;
        private final LossTerm loss;
        private final Dataset.Data data;
        private final BatchTensors batchTensors;
        private final Evaluator evaluator;
        /** Figures against the generating process of synthetic data. */
        private final GroundTruthMetrics truth;
        /** The classification report of the final evaluation, or null. */
        private ClassificationReport report;

        Session(Compute compute, List<String> notes) {
            this.compute = compute;
            this.data = plan.data();
            this.network = buildNetwork(compute);
            this.loss = plan.loss() == null ? null
                    : new LossTerm(compute, plan.loss(), plan.lossParams(), network.output().neuronName);
            this.batchTensors = new BatchTensors(compute, data.features(), data.outputs());
            this.evaluator = new Evaluator(compute, network, loss, data, batchTensors);
            this.truth = new GroundTruthMetrics(compute, network, data, notes);
        }

        /** The run's network on {@code compute}, initialised (or loaded) as the plan says. */
        private Network buildNetwork(Compute compute) {
            List<DenseLayer> layers = new ArrayList<>();
            for (int i = 0; i < plan.layers().size(); i++) {
                RunPlan.LayerPlan lp = plan.layers().get(i);
                ExperimentSpec.LayerSpec ls = lp.spec();
                DenseLayer layer = new DenseLayer(compute, i, lp.inputs(), ls.units(), ls.neuron().name(),
                        lp.activation(), ls.trainable() && plan.learns(), ls.dropout());
                layer.initialise(ls.init(), Streams.of(INIT_PURPOSE, i, 0));
                if (ls.weights() != null) {
                    float[] flat = new float[lp.inputs() * ls.units()];
                    for (int r = 0; r < lp.inputs(); r++) {
                        System.arraycopy(ls.weights()[r], 0, flat, r * ls.units(), ls.units());
                    }
                    compute.upload(flat, 0, layer.weight);
                }
                if (ls.bias() != null) {
                    compute.upload(ls.bias(), 0, layer.bias);
                }
                float[] loadedWeight = plan.loadedWeights().get(Checkpoints.weightName(i));
                if (loadedWeight != null) {
                    compute.upload(loadedWeight, 0, layer.weight);
                    compute.upload(plan.loadedWeights().get(Checkpoints.biasName(i)), 0, layer.bias);
                }
                layers.add(layer);
            }
            return new Network(layers);
        }

        /** Returns null when training completed, else why the run failed. */
        String train(Map<String, Double> metrics, List<String> notes, Map<String, List<Double>> history) {
            String trainName = data.splits().get(0);
            DataTable table = DataTable.loadForShuffling(trainName, data.split(trainName), data.features(),
                    data.outputs());
            ExperimentSpec.TrainingSpec training = spec.training();
            DataTable validation = null;
            if (training.validation() > 0) {
                ValidationSplit.Parts parts = ValidationSplit.of(table, training.validation(), spec.seed());
                table = parts.train();
                validation = parts.validation();
                notes.add("validation: " + validation.rows + " of the " + (table.rows + validation.rows) + " samples of '"
                        + trainName + "' held out, evaluated after every epoch");
            }
            boolean scheduled = plan.gradientRule() != null;
            double baseRate = scheduled ? plan.ruleParams().number("lr") : 0;
            WeightKeeper keeper = new WeightKeeper(compute, network, training, spec.name(), spec.seed());
            int batchSize = Math.min(training.batchSize(), table.rows);
            float[] yStage = new float[batchSize * data.outputs()];
            float[] predicted = new float[batchSize * data.outputs()];
            int[] order = new int[table.rows];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Learner learner = plan.gradientRule() != null
                    ? Learner.gradient(compute, network, loss, plan.gradientRule(), plan.ruleParams())
                    : Learner.local(compute, network, plan.localRule(), plan.ruleParams());
            Accuracy accuracy = new Accuracy(data.task(), data.outputs());
            int batches = (table.rows + batchSize - 1) / batchSize;
            if (TrainingWarmUp.applies(plan, (long) batches * training.epochs(), network.parameterCount(), table.rows,
                    batchSize)) {
                long warmUpStart = System.nanoTime();
                int warmUpSteps = TrainingWarmUp.run(plan, this::buildNetwork, table, batchSize);
                metrics.put("warm_up_seconds", seconds(System.nanoTime() - warmUpStart));
                metrics.put("warm_up_steps", (double) warmUpSteps);
            }
            long step = 0;
            long samples = 0;
            long trainNanos = 0;
            long epochNanos = 0;
            int epoch = 0;
            long lastProgress = System.nanoTime();
            Convergence convergence = new Convergence(training.stopWhen());
            while (epoch < training.epochs()) {
                epoch++;
                long epochStart = System.nanoTime();
                double scheduledRate = training.schedule().rate(baseRate, epoch, training.epochs());
                float learningRate = (float) scheduledRate;
                if (training.shuffle()) {
                    shuffle(order, new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + epoch));
                }
                accuracy.reset();
                double lossSum = 0;
                long seen = 0;
                for (int bi = 0; bi < batches; bi++) {
                    if (control.cancelled()) {
                        return control.cancelReason();
                    }
                    int from = bi * batchSize;
                    int rows = Math.min(batchSize, table.rows - from);
                    BatchTensors.Batch batch = batchTensors.of(rows);
                    table.gather(order, from, rows, yStage, compute, batch.x, batch.y);
                    step++;
                    Tensor out = network.forward(batch.x, true, step);
                    if (loss != null) {
                        double value = loss.value(out, batch.y, batch.lossScratch);
                        if (!Double.isFinite(value)) {
                            return diverged("train.loss is " + value, epoch, bi + 1);
                        }
                        lossSum += value * rows;
                    } else if (!Double.isFinite(compute.sum(out))) {
                        return diverged("the network's output is not finite", epoch, bi + 1);
                    }
                    if (accuracy.applicable()) {
                        compute.download(out, predicted, 0);
                        accuracy.add(predicted, yStage, rows);
                    }
                    learner.learn(batch.x, batch.y, out, step, learningRate);
                    samples += rows;
                    seen += rows;
                    long now = System.nanoTime();
                    if (now - lastProgress > PROGRESS_INTERVAL_NANOS && bi + 1 < batches) {
                        lastProgress = now;
                        Map<String, Double> running = new LinkedHashMap<>();
                        if (loss != null) {
                            running.put("train.loss", lossSum / seen);
                        }
                        if (accuracy.applicable()) {
                            running.put("train.accuracy", accuracy.value());
                        }
                        listener.progress(new Progress(epoch, training.epochs(),
                                (epoch - 1 + (bi + 1.0) / batches) / training.epochs(), running));
                    }
                }
                long epochTrainNanos = System.nanoTime() - epochStart;
                trainNanos += epochTrainNanos;
                Map<String, Double> epochMetrics = new LinkedHashMap<>();
                if (loss != null) {
                    epochMetrics.put("train.loss", lossSum / table.rows);
                }
                Evaluator.putAccuracy("train", accuracy, data, epochMetrics);
                if (validation != null) {
                    evaluator.evaluate(validation, epochMetrics, null);
                }
                if (truth.applies()) {
                    truth.measure(epochMetrics, false);
                }
                if (scheduled) {
                    epochMetrics.put("lr", scheduledRate);
                }
                // the learning curves; throughput is a running figure, not a curve worth keeping
                epochMetrics.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                boolean converged = convergence.reachedAfter(epoch, epochMetrics);
                boolean stopEarly;
                try {
                    stopEarly = keeper.afterEpoch(epoch, epochMetrics);
                } catch (IOException e) {
                    return "cannot write the checkpoint " + training.checkpoint() + ": " + e.getMessage();
                }
                epochNanos += System.nanoTime() - epochStart;
                epochMetrics.put("samples_per_second", samples / seconds(trainNanos));
                // the rate once the JIT has compiled the kernels: the first epoch of a JVM run also pays for that
                epochMetrics.put("last_epoch.samples_per_second", seen / seconds(epochTrainNanos));
                epochMetrics.put("epoch_seconds", seconds(epochNanos) / epoch);
                metrics.putAll(epochMetrics);
                metrics.put("epochs", (double) epoch);
                lastProgress = System.nanoTime();
                listener.progress(new Progress(epoch, training.epochs(), (double) epoch / training.epochs(), epochMetrics));
                if (converged || stopEarly) {
                    break;
                }
            }
            keeper.finish(epoch, metrics, notes);
            metrics.put("parameters", (double) network.parameterCount());
            convergence.report(training.epochs(), metrics, notes);
            return null;
        }

        private String diverged(String what, int epoch, int batch) {
            return "diverged: " + what + " at epoch " + epoch + ", batch " + batch
                    + " (a smaller learning rate, learning.lr, usually helps)";
        }

        /**
         * Loss and accuracy of every split with the final weights, and the classification report of
         * the test split (else of the last split evaluated); returns why it failed, or null.
         */
        String evaluateSplits(Map<String, Double> metrics, boolean includeTraining) {
            if (loss == null && !ConfusionTally.applies(data.task())) {
                // no loss and no classes (unlabelled data, an unsupervised rule): a split has nothing to measure
                return null;
            }
            List<String> splits = data.splits();
            ConfusionTally reported = null;
            String reportedSplit = null;
            for (int s = includeTraining ? 0 : 1; s < splits.size(); s++) {
                if (control.cancelled()) {
                    return control.cancelReason();
                }
                String name = splits.get(s);
                DataTable table = DataTable.load(name, data.split(name), data.features(), data.outputs());
                if (table.rows == 0) {
                    continue;
                }
                ConfusionTally tally = ConfusionTally.applies(data.task())
                        ? new ConfusionTally(data.task(), data.outputs(), data.outputNames()) : null;
                evaluator.evaluate(table, metrics, tally);
                if (tally != null && !"test".equals(reportedSplit)) {
                    reported = tally;
                    reportedSplit = name;
                }
            }
            if (reported != null) {
                report = reported.report(reportedSplit);
                metrics.put(reportedSplit + ".f1_macro", report.macroAvg().f1());
            }
            return null;
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Runs {@code plan} to the end on the calling thread. */
    public static RunResult execute(RunPlan plan, RunListener listener, RunControl control) {
        return new Trainer(plan, listener, control).run();
    }
}
