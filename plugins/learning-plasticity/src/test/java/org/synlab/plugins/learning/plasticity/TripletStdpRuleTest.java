package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.Params;
import org.synlab.api.plasticity.Plasticity;

class TripletStdpRuleTest {

    // the minimal all-to-all visual-cortex fit (the rule's defaults)
    private static final double A3_PLUS = 6.5e-3;
    private static final double A2_MINUS = 7.1e-3;
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double TAU_X = 101;
    private static final double TAU_Y = 114;

    private final TripletStdpRule rule = new TripletStdpRule();

    @Test
    void defaultsAreTheMinimalVisualCortexModel() {
        Params p = rule.parameters().validate(Map.of());
        assertEquals(0.0, p.number("a2_plus"));
        assertEquals(A3_PLUS, p.number("a3_plus"));
        assertEquals(A2_MINUS, p.number("a2_minus"));
        assertEquals(0.0, p.number("a3_minus"));
        assertEquals(TAU_Y, p.number("tau_y"));
    }

    @Test
    void anIsolatedPrePostPairDoesNothingInTheMinimalModel() {
        // potentiation needs an earlier post spike (o2), since a2_plus = 0
        assertEquals(0.0, change(Map.of(), new double[] {0}, new double[] {10}), 0);
    }

    @Test
    void anIsolatedPostPrePairDepressesByThePairTerm() {
        assertEquals(-A2_MINUS * Math.exp(-10 / TAU_MINUS), change(Map.of(), new double[] {10}, new double[] {0}), 1e-9);
    }

    @Test
    void prePostPostTripletPotentiatesThroughTheSecondPost() {
        // pre 0, post 10, post 30: the first post sees o2 = 0; the second sees r1 = e^(-30/tau+) and o2 = e^(-20/tau_y)
        double expected = A3_PLUS * Math.exp(-30 / TAU_PLUS) * Math.exp(-20 / TAU_Y);
        assertEquals(expected, change(Map.of(), new double[] {0}, new double[] {10, 30}), 1e-9);
    }

    @Test
    void postPostPreTripletHasNoTripletTermWhenA3MinusIsZero() {
        // post 0, post 10, pre 20: depression o1 * a2_minus, where o1 sums both posts (all-to-all)
        double expected = -A2_MINUS * (Math.exp(-20 / TAU_MINUS) + Math.exp(-10 / TAU_MINUS));
        assertEquals(expected, change(Map.of(), new double[] {20}, new double[] {0, 10}), 1e-9);
    }

    @Test
    void postPrePreTripletDepressesMoreThroughA3Minus() {
        // full-model a3_minus: post 0, pre 10, pre 20: the second pre sees r2 = e^(-10/tau_x)
        double a3Minus = 2.3e-4;
        double expected = -A2_MINUS * Math.exp(-10 / TAU_MINUS)
                - Math.exp(-20 / TAU_MINUS) * (A2_MINUS + a3Minus * Math.exp(-10 / TAU_X));
        assertEquals(expected, change(Map.of("a3_minus", a3Minus), new double[] {10, 20}, new double[] {0}), 1e-9);
    }

    @Test
    void pairTermAddsToTheTripletTerm() {
        // with a2_plus, pre 0, post 10, post 30: a2_plus (r1(10) + r1(30)) + a3_plus r1(30) o2(30)
        double a2Plus = 1e-3;
        double expected = a2Plus * (Math.exp(-10 / TAU_PLUS) + Math.exp(-30 / TAU_PLUS))
                + A3_PLUS * Math.exp(-30 / TAU_PLUS) * Math.exp(-20 / TAU_Y);
        assertEquals(expected, change(Map.of("a2_plus", a2Plus), new double[] {0}, new double[] {10, 30}), 1e-9);
    }

    @Test
    void tripletPotentiationGrowsWithThePostsynapticRate() {
        // one pre then a post pair: the closer the two posts, the larger o2 and the potentiation
        double slow = change(Map.of(), new double[] {0}, new double[] {5, 105});
        double fast = change(Map.of(), new double[] {0}, new double[] {5, 25});
        assertEquals(A3_PLUS * Math.exp(-105 / TAU_PLUS) * Math.exp(-100 / TAU_Y), slow, 1e-9);
        assertEquals(A3_PLUS * Math.exp(-25 / TAU_PLUS) * Math.exp(-20 / TAU_Y), fast, 1e-9);
        org.junit.jupiter.api.Assertions.assertTrue(fast > 10 * slow);
    }

    @Test
    void nearestSpikeTracesRememberOnlyTheLatestPost() {
        // pre 0, posts 10, 20, 30: the third post sees o2 = e^(-10/tau_y) (nearest) or e^(-10/tau_y) + e^(-20/tau_y)
        double r1At20 = Math.exp(-20 / TAU_PLUS);
        double r1At30 = Math.exp(-30 / TAU_PLUS);
        double o2 = Math.exp(-10 / TAU_Y);
        double nearest = A3_PLUS * (r1At20 * o2 + r1At30 * o2);
        double allToAll = A3_PLUS * (r1At20 * o2 + r1At30 * (o2 + Math.exp(-20 / TAU_Y)));
        assertEquals(nearest, change(Map.of("pairing", "nearest"), new double[] {0}, new double[] {10, 20, 30}), 1e-9);
        assertEquals(allToAll, change(Map.of(), new double[] {0}, new double[] {10, 20, 30}), 1e-9);
    }

    @Test
    void diehlAndCookRuleIsTheNearestTripletWithTheirParameters() {
        // pre 0, post 8, post 12, pre 20: w += nu_post pre post2 at each post, w -= nu_pre post1 at the pre
        Map<String, Object> dc = Map.of("pairing", "nearest", "a2_plus", 0.0, "a3_plus", 0.01, "a2_minus", 1e-4,
                "a3_minus", 0.0, "tau_plus", 20.0, "tau_minus", 20.0, "tau_y", 40.0);
        double expected = 0.01 * Math.exp(-12 / 20.0) * Math.exp(-4 / 40.0) - 1e-4 * Math.exp(-8 / 20.0);
        assertEquals(expected, change(dc, new double[] {0, 20}, new double[] {8, 12}), 1e-9);
    }

    @Test
    void normaliseOptionActsBeforeEachPattern() {
        float[] w = {0.2f, 0.6f};
        Plasticity p = rule.attach(org.synlab.api.plasticity.Synapses.ofRows(new int[] {0, 1, 2}, 1, new int[] {0, 0}, w),
                rule.parameters().validate(Map.of("normalise_total", 1.0)), Replay.DT);
        p.beforePattern(0);
        assertEquals(0.25f, w[0], 1e-7f);
        assertEquals(0.75f, w[1], 1e-7f);
    }

    private double change(Map<String, Object> overrides, double[] preMs, double[] postMs) {
        float[] w = {0f};
        Map<String, Object> values = new HashMap<>(overrides);
        values.put("w_min", -1.0);
        Plasticity p = rule.attach(StdpRuleTest.single(w), rule.parameters().validate(values), Replay.DT);
        new Replay(p, StdpRuleTest.ROW).pre(0, preMs).post(0, postMs).run();
        return w[0];
    }
}
