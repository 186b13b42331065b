package org.synlab.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;

/**
 * Decides after every epoch which weights a run keeps: follows early stopping (and snapshots the
 * best epoch's weights on the backend when they are to be restored), and writes the checkpoint
 * file, which then holds the weights the run ends with: the last epoch's, or the best one's when
 * {@code restore_best} is on.
 */
final class WeightKeeper {

    private final Compute compute;
    private final Network network;
    private final EarlyStopping earlyStopping;
    private final WeightSnapshot best;
    private final Path checkpoint;
    private final String experiment;
    private final long seed;

    WeightKeeper(Compute compute, Network network, ExperimentSpec.TrainingSpec training, String experiment, long seed) {
        this.compute = compute;
        this.network = network;
        this.earlyStopping = training.earlyStopping() == null ? null : new EarlyStopping(training.earlyStopping());
        this.best = earlyStopping != null && earlyStopping.spec().restoreBest() ? new WeightSnapshot(compute, network)
                : null;
        this.checkpoint = training.checkpoint();
        this.experiment = experiment;
        this.seed = seed;
    }

    /**
     * Records the epoch; returns whether early stopping ends training now.
     *
     * @throws IOException when the checkpoint cannot be written
     */
    boolean afterEpoch(int epoch, Map<String, Double> epochMetrics) throws IOException {
        boolean improved = earlyStopping != null && earlyStopping.improvedAfter(epoch, epochMetrics);
        if (improved && best != null) {
            best.capture(epoch);
        }
        if (checkpoint != null && (best == null || improved)) {
            Checkpoints.save(checkpoint, compute, network, metadata(epoch, epochMetrics));
        }
        return earlyStopping != null && earlyStopping.shouldStop();
    }

    private Map<String, String> metadata(int epoch, Map<String, Double> epochMetrics) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "synlab dense network: layerN.weight [inputs, units], layerN.bias [units]");
        metadata.put("experiment", experiment);
        metadata.put("epoch", Integer.toString(epoch));
        metadata.put("seed", Long.toString(seed));
        epochMetrics.forEach((k, v) -> metadata.put(k, Double.toString(v)));
        return metadata;
    }

    /**
     * After the last epoch: puts the best weights back when asked to, and reports what happened.
     *
     * @param lastEpoch the last epoch trained
     */
    void finish(int lastEpoch, Map<String, Double> metrics, List<String> notes) {
        boolean restored = false;
        if (best != null && best.epoch() > 0 && best.epoch() != lastEpoch) {
            best.restore();
            restored = true;
        }
        if (earlyStopping != null) {
            earlyStopping.report(lastEpoch, restored, metrics, notes);
        }
        if (checkpoint != null) {
            int saved = best != null && best.epoch() > 0 ? best.epoch() : lastEpoch;
            notes.add("checkpoint: the weights of epoch " + saved + " are in " + checkpoint);
        }
    }
}
