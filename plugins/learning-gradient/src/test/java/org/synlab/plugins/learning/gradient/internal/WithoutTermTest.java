package org.synlab.plugins.learning.gradient.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

/** A regularisation of 0 removes its terms instead of computing 0 * w. */
class WithoutTermTest {

    private static final Map<String, Double> VALUES = Map.of("w", 0.7, "g", -0.3, "m", 0.2, "v", 0.05,
            "lr", 0.01, "s", 0.02, "beta1", 0.9);

    private static void assertSameValue(String reduced, Expr actual) {
        assertEquals(Expr.parse(reduced).evaluate(VALUES::get), actual.evaluate(VALUES::get), 1e-15);
    }

    @Test
    void weightDecayDisappearsFromAdamsUpdate() {
        Expr e = WeightOrBias.withoutTerm(Expr.parse("w - lr * weight_decay * w - s * m / (sqrt(v) + 1e-7)"),
                "weight_decay");
        assertEquals(Set.of("w", "s", "m", "v"), e.variables());
        assertSameValue("w - s * m / (sqrt(v) + 1e-7)", e);
    }

    @Test
    void l2DisappearsInsideProductsAndSums() {
        Expr square = WeightOrBias.withoutTerm(Expr.parse("(g + l2 * w) * (g + l2 * w)"), "l2");
        assertEquals(Set.of("g"), square.variables());
        assertSameValue("g * g", square);
        Expr moment = WeightOrBias.withoutTerm(Expr.parse("beta1 * m + (1 - beta1) * (g + l2 * w)"), "l2");
        assertSameValue("beta1 * m + (1 - beta1) * g", moment);
    }

    @Test
    void aLeadingTermThatVanishesLeavesTheNegationOfTheRest() {
        Expr e = WeightOrBias.withoutTerm(Expr.parse("l2 * w - g"), "l2");
        assertSameValue("-g", e);
        assertEquals(Set.of("g"), e.variables());
    }

    @Test
    void aVariableInsideAFunctionIsBoundToZero() {
        Expr e = WeightOrBias.withoutTerm(Expr.parse("w - sqrt(l2 + v)"), "l2");
        assertSameValue("w - sqrt(v)", e);
    }
}
