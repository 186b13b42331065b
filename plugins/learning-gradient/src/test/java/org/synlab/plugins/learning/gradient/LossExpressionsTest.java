package org.synlab.plugins.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synlab.api.Loss;
import org.synlab.api.Params;
import org.synlab.api.expr.Expr;

/** Loss expressions evaluated in double precision: hand-computed values, gradients, fused forms. */
class LossExpressionsTest {

    private final Loss mse = new MseLoss();
    private final Loss bce = new BinaryCrossEntropyLoss();
    private final Loss cce = new CategoricalCrossEntropyLoss();

    @Test
    void mseValuesAndReduction() {
        assertEquals(0.25, at(mse.value(defaults(mse)), 0.5, 1.0), 1e-15);
        assertEquals(9.0, at(mse.value(defaults(mse)), -1.0, 2.0), 1e-15);
        assertEquals(-6.0, at(mse.gradient(defaults(mse)), -1.0, 2.0), 1e-15);
        assertEquals(Loss.Reduction.MEAN, mse.reduction());
        assertNull(mse.gradientThroughOutput("linear", defaults(mse)));
    }

    @Test
    void binaryCrossEntropyValuesByHand() {
        Expr value = bce.value(defaults(bce));
        assertEquals(-Math.log(0.8), at(value, 0.8, 1.0), 1e-12);
        assertEquals(-Math.log(0.2), at(value, 0.8, 0.0), 1e-12);
        assertEquals(Math.log(2), at(value, 0.5, 0.0), 1e-12);
        // a soft target mixes both terms: -(0.3 log 0.6 + 0.7 log 0.4)
        assertEquals(-(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)), at(value, 0.6, 0.3), 1e-12);
        assertEquals(Loss.Reduction.MEAN, bce.reduction());
    }

    @Test
    void binaryCrossEntropyClipsSaturatedOutputs() {
        Expr value = bce.value(defaults(bce));
        assertEquals(-Math.log(1e-7), at(value, 0.0, 1.0), 1e-6);
        assertEquals(-Math.log(1e-7), at(value, 1.0, 0.0), 1e-3);
        Expr coarse = bce.value(bce.parameters().validate(Map.of("epsilon", 0.01)));
        assertEquals(-Math.log(0.01), at(coarse, 0.0, 1.0), 1e-12);
        assertTrue(Double.isFinite(at(bce.gradient(defaults(bce)), 0.0, 1.0)));
    }

    @Test
    void categoricalCrossEntropyValuesByHand() {
        Expr value = cce.value(defaults(cce));
        assertEquals(-Math.log(0.7), at(value, 0.7, 1.0), 1e-12);
        assertEquals(0.0, at(value, 0.2, 0.0), 0.0, "a zero target contributes nothing");
        assertEquals(0.0, at(value, 0.0, 0.0), 0.0, "0 * log(0) is clipped, not NaN");
        assertEquals(-Math.log(1e-7), at(value, 0.0, 1.0), 1e-6);
        assertEquals(Loss.Reduction.SUM_OUTPUTS_MEAN_BATCH, cce.reduction());
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheValue() {
        double h = 1e-6;
        for (Loss loss : new Loss[] {mse, bce, cce}) {
            Expr value = loss.value(defaults(loss));
            Expr gradient = loss.gradient(defaults(loss));
            for (double p : new double[] {0.05, 0.3, 0.5, 0.77, 0.95}) {
                for (double t : new double[] {0.0, 0.4, 1.0}) {
                    double numeric = (at(value, p + h, t) - at(value, p - h, t)) / (2 * h);
                    assertEquals(numeric, at(gradient, p, t), 1e-5 * Math.max(1, Math.abs(numeric)),
                            loss.name() + " at p = " + p + ", t = " + t);
                }
            }
        }
    }

    @Test
    void fusedSigmoidGradientEqualsTheChainRule() {
        Expr gradient = bce.gradient(defaults(bce));
        Expr fused = bce.gradientThroughOutput("sigmoid", defaults(bce));
        for (double z : new double[] {-6, -1.2, 0, 0.4, 3}) {
            double p = 1 / (1 + Math.exp(-z));
            for (double t : new double[] {0, 1, 0.25}) {
                double chain = at(gradient, p, t) * p * (1 - p);
                assertEquals(chain, at(fused, p, t), 1e-12, "z = " + z + ", t = " + t);
                assertEquals(p - t, at(fused, p, t), 1e-15);
            }
        }
        assertNull(bce.gradientThroughOutput("softmax", defaults(bce)));
        assertNull(bce.gradientThroughOutput("tanh", defaults(bce)));
    }

    @Test
    void fusedSoftmaxGradientEqualsTheChainRuleThroughTheJacobian() {
        Expr gradient = cce.gradient(defaults(cce));
        Expr fused = cce.gradientThroughOutput("softmax", defaults(cce));
        double[] z = {0.3, -1.1, 2.0, 0.5};
        double[] t = {0, 0, 1, 0};
        double[] p = softmax(z);
        for (int j = 0; j < z.length; j++) {
            // dL/dz_j = sum_i dL/dp_i * dp_i/dz_j, with dp_i/dz_j = p_i (delta_ij - p_j)
            double chain = 0;
            for (int i = 0; i < z.length; i++) {
                chain += at(gradient, p[i], t[i]) * p[i] * ((i == j ? 1 : 0) - p[j]);
            }
            assertEquals(chain, at(fused, p[j], t[j]), 1e-12, "unit " + j);
        }
        // and against finite differences of the summed loss in z
        Expr value = cce.value(defaults(cce));
        double h = 1e-6;
        for (int j = 0; j < z.length; j++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (sumLoss(value, softmax(up), t) - sumLoss(value, softmax(down), t)) / (2 * h);
            assertEquals(numeric, at(fused, p[j], t[j]), 1e-6, "unit " + j);
        }
        assertNull(cce.gradientThroughOutput("sigmoid", defaults(cce)));
    }

    @Test
    void expressionsReadOnlyPAndT() {
        for (Loss loss : new Loss[] {mse, bce, cce}) {
            Params params = defaults(loss);
            assertTrue(Set.of("p", "t").containsAll(loss.value(params).variables()), loss.name());
            assertTrue(Set.of("p", "t").containsAll(loss.gradient(params).variables()), loss.name());
            assertTrue(loss.name().matches("[a-z]+(-[a-z]+)*"));
        }
    }

    private static double sumLoss(Expr value, double[] p, double[] t) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += at(value, p[i], t[i]);
        }
        return sum;
    }

    private static double[] softmax(double[] z) {
        double max = java.util.Arrays.stream(z).max().orElseThrow();
        double[] e = java.util.Arrays.stream(z).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(e).sum();
        return java.util.Arrays.stream(e).map(v -> v / sum).toArray();
    }

    static double at(Expr e, double p, double t) {
        return e.evaluate(v -> switch (v) {
            case "p" -> p;
            case "t" -> t;
            default -> throw new IllegalArgumentException("unbound variable " + v);
        });
    }

    private static Params defaults(Loss loss) {
        return loss.parameters().validate(Map.of());
    }
}
