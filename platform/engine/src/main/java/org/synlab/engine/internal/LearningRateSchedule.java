package org.synlab.engine.internal;

import java.util.List;
import org.synlab.engine.BadInputException;

/**
 * How the learning rate changes from epoch to epoch ({@code training.schedule}), as PyTorch's
 * schedulers stepped once per epoch do; the rule's {@code lr} is the base rate.
 *
 * <ul>
 *   <li>{@code constant}: the base rate throughout (the default).</li>
 *   <li>{@code {name: step, step_size: N, gamma: 0.1}}: multiplied by {@code gamma} every {@code N}
 *       epochs ({@code StepLR}).</li>
 *   <li>{@code {name: cosine, min_lr: 0}}: cosine annealing from the base rate towards {@code min_lr}
 *       over the epoch budget ({@code CosineAnnealingLR} with {@code T_max} = epochs).</li>
 * </ul>
 *
 * @param name     constant, step or cosine
 * @param stepSize epochs between two decays (step)
 * @param gamma    the decay factor (step)
 * @param minLr    the rate the annealing tends to (cosine)
 */
record LearningRateSchedule(String name, int stepSize, double gamma, double minLr) {

    static final List<String> NAMES = List.of("constant", "step", "cosine");
    static final LearningRateSchedule CONSTANT = new LearningRateSchedule("constant", 1, 1.0, 0.0);

    /** The rate of 1-based {@code epoch} of a run of {@code epochs} epochs. */
    double rate(double base, int epoch, int epochs) {
        int elapsed = epoch - 1;
        return switch (name) {
            case "step" -> base * Math.pow(gamma, elapsed / stepSize);
            case "cosine" -> minLr + (base - minLr) * (1 + Math.cos(Math.PI * elapsed / epochs)) / 2;
            default -> base;
        };
    }

    boolean isConstant() {
        return name.equals("constant");
    }

    /** {@code training.schedule}: a name, or a mapping with {@code name} and the schedule's parameters. */
    static LearningRateSchedule parse(Node node) throws BadInputException {
        if (node.isMissing()) {
            return CONSTANT;
        }
        if (node.isString()) {
            String name = known(node, node.string(null));
            if (name.equals("step")) {
                throw node.error("the step schedule needs its step_size: write {name: step, step_size: 10, gamma: 0.1}");
            }
            return name.equals("cosine") ? new LearningRateSchedule(name, 1, 1.0, 0.0) : CONSTANT;
        }
        String name = known(node.get("name"), node.get("name").string(null));
        return switch (name) {
            case "step" -> {
                node.mapWithKeys(List.of("name", "step_size", "gamma"));
                yield new LearningRateSchedule(name, (int) node.get("step_size").integer(null, 1, 10_000_000),
                        node.get("gamma").number(0.1, 0.0, 1.0), 0.0);
            }
            case "cosine" -> {
                node.mapWithKeys(List.of("name", "min_lr"));
                yield new LearningRateSchedule(name, 1, 1.0, node.get("min_lr").number(0.0, 0.0, Double.MAX_VALUE));
            }
            default -> {
                node.mapWithKeys(List.of("name"));
                yield CONSTANT;
            }
        };
    }

    private static String known(Node node, String name) throws BadInputException {
        if (!NAMES.contains(name)) {
            throw node.error("unknown schedule '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
        return name;
    }
}
