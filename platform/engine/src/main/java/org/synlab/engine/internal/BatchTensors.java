package org.synlab.engine.internal;

import java.util.HashMap;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * The backend tensors a batch of a given size is uploaded into (inputs, targets, and loss scratch),
 * made once per size. Consecutive batches almost always have the size of the one before, so that
 * size is kept at hand and the hot path does no map look-up (nor the boxing it needs).
 */
final class BatchTensors {

    /** The tensors of one batch size. */
    static final class Batch {
        final Tensor x;
        final Tensor y;
        final Tensor lossScratch;

        private Batch(Compute compute, int rows, int features, int outputs) {
            x = compute.zeros(rows, features);
            y = compute.zeros(rows, outputs);
            lossScratch = compute.zeros(rows, outputs);
        }
    }

    private final Compute compute;
    private final int features;
    private final int outputs;
    private final Map<Integer, Batch> bySize = new HashMap<>();
    private int lastRows = -1;
    private Batch last;

    BatchTensors(Compute compute, int features, int outputs) {
        this.compute = compute;
        this.features = features;
        this.outputs = outputs;
    }

    Batch of(int rows) {
        if (rows != lastRows) {
            last = bySize.computeIfAbsent(rows, r -> new Batch(compute, r, features, outputs));
            lastRows = rows;
        }
        return last;
    }
}
