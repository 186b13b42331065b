package org.synlab.engine;

import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;
import org.synlab.api.Plugin;

/** The kinds of plugin part, with the SPI interface each is published under. */
public enum PartKind {
    BACKEND("backend", Backend.class),
    NEURON("neuron", NeuronModel.class),
    LEARNING_RULE("learning-rule", LearningRule.class),
    LOSS("loss", Loss.class),
    DATASET("dataset", Dataset.class);

    private final String label;
    private final Class<? extends Plugin> type;

    PartKind(String label, Class<? extends Plugin> type) {
        this.label = label;
        this.type = type;
    }

    /** As printed by {@code synlab plugins}: backend, neuron, learning-rule, loss, dataset. */
    public String label() {
        return label;
    }

    /** The service interface. */
    public Class<? extends Plugin> type() {
        return type;
    }

    /** The kind a service object belongs to, or null. */
    public static PartKind of(Object service) {
        for (PartKind k : values()) {
            if (k.type.isInstance(service)) {
                return k;
            }
        }
        return null;
    }
}
