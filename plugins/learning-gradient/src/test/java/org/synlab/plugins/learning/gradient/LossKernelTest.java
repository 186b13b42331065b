package org.synlab.plugins.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Loss;
import org.synlab.api.Params;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/** The loss expressions compile on the cpu backend and keep saturated outputs finite in float32. */
class LossKernelTest {

    private static final float[] P = {0f, 1e-9f, 0.3f, 0.5f, 0.9f, 1f};
    private static final float[] T = {1f, 0f, 1f, 0f, 1f, 0f};

    private final Compute compute = CpuCompute.open();

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void everyLossEvaluatesLikeTheReferenceAndStaysFinite() {
        for (Loss loss : new Loss[] {new MseLoss(), new BinaryCrossEntropyLoss(), new CategoricalCrossEntropyLoss()}) {
            Params params = loss.parameters().validate(Map.of());
            check(loss.name() + " value", loss.value(params));
            check(loss.name() + " gradient", loss.gradient(params));
        }
    }

    private void check(String what, Expr expression) {
        Tensor p = compute.upload(P, 2, 3);
        Tensor t = compute.upload(T, 2, 3);
        Tensor out = compute.zeros(2, 3);
        compute.apply(compute.kernel(expression, "p", "t"), out, p, t);
        float[] got = compute.download(out);
        for (int i = 0; i < P.length; i++) {
            double pi = P[i];
            double ti = T[i];
            double expected = LossExpressionsTest.at(expression, pi, ti);
            assertTrue(Float.isFinite(got[i]), what + " not finite at p = " + pi + ", t = " + ti);
            if (pi == 1) {
                // float32 rounds the clip bound 1 - 1e-7 to 1 - 1.19e-7: finite is all it can promise there
                continue;
            }
            assertEquals(expected, got[i], 1e-4 * Math.max(1, Math.abs(expected)), what + " at p = " + pi + ", t = " + ti);
        }
    }
}
