package org.synlab.plugins.learning.gradient.internal;

import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;

/**
 * The constants of one Adam run, and the parameters {@code adam} and {@code adamw} share.
 *
 * @param l2          coupled L2, added to the gradient of weights (0 for AdamW)
 * @param weightDecay decoupled decay, {@code w -= lr * weight_decay * w} on weights (0 for Adam)
 */
public record AdamSettings(double beta1, double beta2, double epsilon, double l2, double weightDecay) {

    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String EPSILON = "epsilon";

    /** beta1, beta2 and epsilon with Keras' defaults. */
    public static final ParamSchema MOMENT_PARAMETERS = ParamSchema.builder()
            .number(BETA1, 0.9, "1", 0.0, 1.0, "decay rate of the first-moment (mean) estimate, in [0, 1)")
            .number(BETA2, 0.999, "1", 0.0, 1.0, "decay rate of the second-moment (uncentred variance) estimate, in [0, 1)")
            .number(EPSILON, 1e-7, "1", 0.0, null, "added to sqrt(v_hat) to avoid dividing by zero (Keras' default)")
            .build();

    /**
     * Reads the shared parameters, checking the open ends the schema's inclusive bounds cannot: a
     * beta of 1 would make the bias correction {@code 1 / (1 - beta^t)} divide by zero.
     */
    public static AdamSettings from(Params params, double l2, double weightDecay) {
        return new AdamSettings(beta(params, BETA1), beta(params, BETA2), params.number(EPSILON), l2, weightDecay);
    }

    private static double beta(Params params, String key) {
        double beta = params.number(key);
        if (beta >= 1) {
            throw new ParameterException(key, "parameter '" + key + "' must be a number in [0, 1), got " + beta);
        }
        return beta;
    }
}
