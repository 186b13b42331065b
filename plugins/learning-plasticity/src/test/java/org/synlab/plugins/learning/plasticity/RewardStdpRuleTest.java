package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.Plasticity;

class RewardStdpRuleTest {

    private static final double A_PLUS = 0.01;
    private static final double A_MINUS = 0.0105;
    private static final double TAU = 20;
    private static final double TAU_E = 1000;

    private final RewardStdpRule rule = new RewardStdpRule();

    @Test
    void spikesWithoutRewardChangeNothing() {
        float[] w = {0.5f};
        Plasticity p = attach(w, Map.of());
        new Replay(p, StdpRuleTest.ROW).pre(0, 0, 30, 60).post(0, 10, 35, 50).reward(0, 70).run();
        assertEquals(0.5f, w[0]);
    }

    @Test
    void aRewardTurnsTheDecayedEligibilityIntoWeight() {
        // pre 0, post 10: e = a_plus e^(-10/20) at 10 ms; reward 1 at 510 ms: e decayed by e^(-500/1000)
        double eligibility = A_PLUS * Math.exp(-10 / TAU);
        assertEquals(eligibility * Math.exp(-500 / TAU_E), changeWithRewardAt(510, 1.0, Map.of()), 1e-8);
        assertEquals(2.5 * eligibility * Math.exp(-500 / TAU_E),
                changeWithRewardAt(510, 1.0, Map.of("eta", 2.5)), 1e-8);
    }

    @Test
    void eligibilityDecaysWithTauE() {
        double early = changeWithRewardAt(110, 1.0, Map.of());
        double late = changeWithRewardAt(1110, 1.0, Map.of());
        assertEquals(Math.exp(-1000 / TAU_E), late / early, 1e-5);
        double shortTrace = changeWithRewardAt(110, 1.0, Map.of("tau_e", 200.0));
        assertEquals(A_PLUS * Math.exp(-10 / TAU) * Math.exp(-100 / 200.0), shortTrace, 1e-8);
    }

    @Test
    void aNegativeRewardOrAnAntiCausalPairDepresses() {
        assertEquals(-A_PLUS * Math.exp(-10 / TAU), changeWithRewardAt(10, -1.0, Map.of()), 1e-8);
        float[] w = {0f};
        Plasticity p = attach(w, Map.of());
        new Replay(p, StdpRuleTest.ROW).post(0, 0).pre(0, 10).reward(1.0, 10).run();
        assertEquals(-A_MINUS * Math.exp(-10 / TAU), w[0], 1e-8);
    }

    @Test
    void rewardsAddUpAndWeightsStayInBounds() {
        float[] w = {0f};
        Plasticity p = attach(w, Map.of());
        new Replay(p, StdpRuleTest.ROW).pre(0, 0).post(0, 0).reward(1.0, 0).reward(1.0, 0).run();
        assertEquals(2 * A_PLUS, w[0], 1e-8);
        float[] v = {0.99f};
        Plasticity q = rule.attach(StdpRuleTest.single(v), rule.parameters().validate(Map.of("eta", 10.0)), Replay.DT);
        new Replay(q, StdpRuleTest.ROW).pre(0, 0).post(0, 0).reward(1.0, 1).run();
        assertEquals(1.0f, v[0]);
    }

    private double changeWithRewardAt(double rewardMs, double reward, Map<String, Object> overrides) {
        float[] w = {0f};
        Plasticity p = attach(w, overrides);
        new Replay(p, StdpRuleTest.ROW).pre(0, 0).post(0, 10).reward(reward, rewardMs).run();
        return w[0];
    }

    private Plasticity attach(float[] w, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(overrides);
        values.putIfAbsent("w_min", -1.0);
        return rule.attach(StdpRuleTest.single(w), rule.parameters().validate(values), Replay.DT);
    }
}
