package org.synlab.engine.internal;

import java.util.List;
import org.synlab.engine.BadInputException;

/**
 * {@code training.early_stopping}, as Keras's {@code EarlyStopping} callback: training stops once
 * {@code metric} has not improved by more than {@code min_delta} for {@code patience} epochs in a
 * row; with {@code restore_best} the weights of the best epoch are put back before the final
 * evaluation (and are what the checkpoint holds).
 *
 * @param metric      an epoch metric: {@code val.loss} (the default with a validation split, else
 *                    {@code train.loss}), {@code val.accuracy}, {@code train.loss}, {@code train.accuracy}
 * @param patience    epochs without improvement before stopping
 * @param minDelta    the smallest change that counts as an improvement
 * @param minimise    true when lower is better ({@code mode: min}; {@code auto} picks min for a loss,
 *                    max for an accuracy)
 * @param restoreBest restore the best epoch's weights at the end
 * @param node        where it was declared, for errors found later
 */
record EarlyStoppingSpec(String metric, int patience, double minDelta, boolean minimise, boolean restoreBest,
                         Node node) {

    static final List<String> KEYS = List.of("metric", "patience", "min_delta", "mode", "restore_best");
    static final List<String> MODES = List.of("auto", "min", "max");

    /** Null when the key is missing. */
    static EarlyStoppingSpec parse(Node node, boolean validates) throws BadInputException {
        if (node.isMissing()) {
            return null;
        }
        node.mapWithKeys(KEYS);
        String metric = node.get("metric").string(validates ? "val.loss" : "train.loss");
        int patience = (int) node.get("patience").integer(3L, 0, 10_000_000);
        double minDelta = node.get("min_delta").number(0.0, 0.0, Double.MAX_VALUE);
        Node modeNode = node.get("mode");
        String mode = modeNode.string("auto");
        if (!MODES.contains(mode)) {
            throw modeNode.error("unknown mode '" + mode + "'; expected one of " + String.join(", ", MODES));
        }
        boolean minimise;
        if (mode.equals("auto")) {
            if (metric.endsWith("loss")) {
                minimise = true;
            } else if (metric.endsWith("accuracy")) {
                minimise = false;
            } else {
                throw modeNode.error("mode auto cannot tell whether '" + metric + "' should go up or down; give min or max");
            }
        } else {
            minimise = mode.equals("min");
        }
        boolean restoreBest = node.get("restore_best").flag(true);
        return new EarlyStoppingSpec(metric, patience, minDelta, minimise, restoreBest, node);
    }
}
