package org.synlab.plugins.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Compute;
import org.synlab.api.GradientRule;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/** Every optimiser minimises f(w) = sum (w - c)^2, whose gradient 2 (w - c) is computed on the backend. */
class OptimizerConvergenceTest {

    private static final float[] C = {1.5f, -2.0f, 0.25f, 3.0f, -0.75f, 0.0f};

    private final Compute compute = CpuCompute.open();

    @AfterEach
    void close() {
        compute.close();
    }

    static Stream<Arguments> optimisers() {
        return Stream.of(
                Arguments.of(new SgdRule(), Map.of(), 0.1f),
                Arguments.of(new MomentumRule(), Map.of(), 0.05f),
                Arguments.of(new MomentumRule(), Map.of("nesterov", true), 0.05f),
                Arguments.of(new AdamRule(), Map.of(), 0.05f),
                // decay pulls the fixed point towards 0 (its step is checked by formula in
                // OptimizerUpdateTest); without it, AdamW's path must reach c as Adam's does
                Arguments.of(new AdamWRule(), Map.of("weight_decay", 0.0), 0.05f));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optimisers")
    void convergesToTheMinimum(GradientRule rule, Map<String, ?> params, float lr) {
        Tensor w = compute.zeros(2, 3);
        Tensor g = compute.zeros(2, 3);
        Tensor c = compute.upload(C, 2, 3);
        Kernel gradient = compute.kernel(Expr.parse("2 * (w - c)"), "w", "c");
        GradientRule.Optimizer optimizer = rule.optimizer(compute, rule.parameters().validate(params));
        List<GradientRule.Parameter> parameters = List.of(new GradientRule.Parameter("w", w, g, true));
        for (long step = 1; step <= 1000; step++) {
            compute.apply(gradient, g, w, c);
            optimizer.step(parameters, lr, step);
        }
        float[] got = compute.download(w);
        for (int i = 0; i < C.length; i++) {
            assertEquals(C[i], got[i], 1e-3, rule.name() + " w[" + i + "]");
        }
    }
}
