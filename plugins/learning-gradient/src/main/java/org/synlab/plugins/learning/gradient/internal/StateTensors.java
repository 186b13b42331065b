package org.synlab.plugins.learning.gradient.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule.Parameter;
import org.synlab.api.Tensor;

/**
 * An optimiser's per-parameter state (velocity, moments), allocated as zeros on the run's
 * {@link Compute} the first time a parameter is seen, and kept by the parameter's stable name. Lazy,
 * because the optimiser is created before it knows which parameters the network has.
 */
public final class StateTensors {

    private final Compute compute;
    private final int perParameter;
    private final Map<String, Tensor[]> byName = new HashMap<>();

    /**
     * @param perParameter how many state tensors each parameter needs (1 for momentum, 2 for Adam)
     */
    public StateTensors(Compute compute, int perParameter) {
        this.compute = compute;
        this.perParameter = perParameter;
    }

    /** The state of {@code parameter}, each tensor shaped like its value. */
    public Tensor[] of(Parameter parameter) {
        Tensor[] state = byName.computeIfAbsent(parameter.name(), name -> allocate(parameter.value().shape()));
        if (!Arrays.equals(state[0].shape(), parameter.value().shape())) {
            throw new IllegalStateException("parameter '" + parameter.name() + "' changed shape from "
                    + Arrays.toString(state[0].shape()) + " to " + Arrays.toString(parameter.value().shape()));
        }
        return state;
    }

    private Tensor[] allocate(int[] shape) {
        Tensor[] state = new Tensor[perParameter];
        for (int i = 0; i < perParameter; i++) {
            state[i] = compute.zeros(shape);
        }
        return state;
    }
}
