package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParameterException;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

class StdpRuleTest {

    private static final double A_PLUS = 0.01;
    private static final double A_MINUS = 0.0105;
    private static final double TAU = 20;
    /** Pairs start from 0 with w_min = -1, where float32 resolves the smallest changes of the window to 1e-7 relative. */
    private static final double W0 = 0;

    private final StdpRule rule = new StdpRule();

    @Test
    void preBeforePostPotentiatesByTheExponentialWindow() {
        assertEquals(A_PLUS * Math.exp(-10 / TAU), pairChange(10), 1e-8);
        assertEquals(A_PLUS * Math.exp(-3.7 / TAU), pairChange(3.7), 1e-8);
    }

    @Test
    void postBeforePreDepressesByTheExponentialWindow() {
        assertEquals(-A_MINUS * Math.exp(-10 / TAU), pairChange(-10), 1e-8);
        assertEquals(-A_MINUS * Math.exp(-0.1 / TAU), pairChange(-0.1), 1e-8);
    }

    @Test
    void aPreAndAPostInTheSameStepCountAsPreBeforePost() {
        assertEquals(A_PLUS, pairChange(0), 1e-8);
    }

    /** The STDP window from -100 to +100 ms, printed for the report. */
    @Test
    void windowReproducesTheExponentialsFromMinus100To100Ms() {
        StringBuilder table = new StringBuilder("STDP window (a_plus 0.01, a_minus 0.0105, tau 20 ms, additive, dt 0.1 ms)\n")
                .append(String.format("%10s %14s %14s%n", "dt_ms", "dw", "expected"));
        for (int offset = -100; offset <= 100; offset += 10) {
            double expected = offset >= 0 ? A_PLUS * Math.exp(-offset / TAU) : -A_MINUS * Math.exp(offset / TAU);
            double measured = pairChange(offset);
            table.append(String.format("%10d %14.6e %14.6e%n", offset, measured, expected));
            assertEquals(expected, measured, 1e-6 * Math.abs(expected), "offset " + offset + " ms");
            assertTrue(offset >= 0 ? measured > 0 : measured < 0, "sign at offset " + offset);
        }
        System.out.print(table);
    }

    @Test
    void allToAllAndNearestDifferOnAPresynapticBurst() {
        // pre at 0 and 5 ms, post at 10 ms: all-to-all pairs the post with both, nearest only with the pre at 5
        double allToAll = change(Map.of(), new double[] {0, 5}, new double[] {10});
        double nearest = change(Map.of("pairing", "nearest"), new double[] {0, 5}, new double[] {10});
        assertEquals(A_PLUS * (Math.exp(-10 / TAU) + Math.exp(-5 / TAU)), allToAll, 1e-8);
        assertEquals(A_PLUS * Math.exp(-5 / TAU), nearest, 1e-8);
    }

    @Test
    void allToAllAndNearestDifferOnAPostsynapticBurst() {
        // post at 0 and 5 ms, pre at 10 ms
        double allToAll = change(Map.of(), new double[] {10}, new double[] {0, 5});
        double nearest = change(Map.of("pairing", "nearest"), new double[] {10}, new double[] {0, 5});
        assertEquals(-A_MINUS * (Math.exp(-10 / TAU) + Math.exp(-5 / TAU)), allToAll, 1e-8);
        assertEquals(-A_MINUS * Math.exp(-5 / TAU), nearest, 1e-8);
    }

    @Test
    void aPrePostPreTripletIsTheSumOfItsPairsInBothSchemes() {
        // pre 0, post 10, pre 15: +a_plus e^(-10/tau) - a_minus e^(-5/tau); nearest agrees as each side spikes once between
        double expected = A_PLUS * Math.exp(-10 / TAU) - A_MINUS * Math.exp(-5 / TAU);
        assertEquals(expected, change(Map.of(), new double[] {0, 15}, new double[] {10}), 1e-8);
        assertEquals(expected, change(Map.of("pairing", "nearest"), new double[] {0, 15}, new double[] {10}), 1e-7);
    }

    @Test
    void additiveWeightsAreClippedToTheirBounds() {
        float[] w = {0.995f};
        Plasticity p = rule.attach(single(w), params(Map.of()), Replay.DT);
        new Replay(p, ROW).pre(0, 0).post(0, 0).run();
        assertEquals(1.0f, w[0], "w_max caps potentiation");
        w[0] = 0.004f;
        new Replay(p, ROW).post(0, 100).pre(0, 100.1).run();
        assertEquals(0.0f, w[0], "w_min floors depression");

        float[] v = {0.3f};
        Plasticity q = rule.attach(single(v), params(Map.of("w_min", 0.2, "w_max", 0.305)), Replay.DT);
        new Replay(q, ROW).pre(0, 0).post(0, 1).run();
        assertEquals(0.305f, v[0]);
    }

    @Test
    void multiplicativeFormScalesWithTheRoomToEachBound() {
        Map<String, Object> mult = Map.of("weight_dependence", "multiplicative", "w_min", 0.0, "w_max", 1.0);
        for (float w0 : new float[] {0.1f, 0.25f, 0.9f}) {
            float[] w = {w0};
            new Replay(rule.attach(single(w), params(mult), Replay.DT), ROW).pre(0, 0).post(0, 10).run();
            assertEquals(A_PLUS * (1 - w0) * Math.exp(-10 / TAU), w[0] - w0, 1e-7, "potentiation from " + w0);
            float[] v = {w0};
            new Replay(rule.attach(single(v), params(mult), Replay.DT), ROW).post(0, 0).pre(0, 10).run();
            assertEquals(-A_MINUS * w0 * Math.exp(-10 / TAU), v[0] - w0, 1e-7, "depression from " + w0);
        }
        float[] atMax = {1f};
        new Replay(rule.attach(single(atMax), params(mult), Replay.DT), ROW).pre(0, 0).post(0, 1).run();
        assertEquals(1f, atMax[0], "no room left at w_max");
    }

    @Test
    void onlyTheSynapsesOfSpikingNeuronsChange() {
        // 3 presynaptic x 2 postsynaptic, all-to-all; rows of CSR: pre 0 -> {0,1}, pre 1 -> {0,1}, pre 2 -> {0,1}
        int[] rowPtr = {0, 2, 4, 6};
        float[] w = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        Synapses s = Synapses.ofRows(rowPtr, 2, new int[] {0, 1, 0, 1, 0, 1}, w);
        Plasticity p = rule.attach(s, params(Map.of()), Replay.DT);
        // pre 1 at 0 ms, post 0 at 4 ms, pre 2 at 6 ms
        new Replay(p, rowPtr).pre(1, 0).post(0, 4).pre(2, 6).run();
        double up = A_PLUS * Math.exp(-4 / TAU);
        double down = A_MINUS * Math.exp(-2 / TAU);
        assertEquals(0.5, w[0], 0, "pre 0 never spiked");
        assertEquals(0.5, w[1], 0);
        assertEquals(0.5 + up, w[2], 1e-7, "pre 1 -> post 0 potentiated");
        assertEquals(0.5, w[3], 0, "post 1 never spiked");
        assertEquals(0.5 - down, w[4], 1e-7, "pre 2 -> post 0 depressed");
        assertEquals(0.5, w[5], 0, "post 1 never spiked, so no depression");
    }

    @Test
    void longGapsDecayTheTraceAsShortOnes() {
        // past the decay table (4096 steps = 409.6 ms) the trace still decays exactly
        assertEquals(A_PLUS * Math.exp(-500 / TAU), pairChange(500), 1e-9);
        assertEquals(0.0, pairChange(5000), 1e-12);
    }

    @Test
    void normaliseOptionScalesIncomingWeightsBeforeEachPattern() {
        int[] rowPtr = {0, 2, 4};
        float[] w = {0.1f, 0.4f, 0.3f, 0.2f};
        Synapses s = Synapses.ofRows(rowPtr, 2, new int[] {0, 1, 0, 1}, w);
        Plasticity p = rule.attach(s, params(Map.of("normalise_total", 2.0)), Replay.DT);
        p.beforePattern(0);
        assertEquals(2.0, w[0] + w[2], 1e-6);
        assertEquals(2.0, w[1] + w[3], 1e-6);
        assertEquals(0.1 * 2 / 0.4, w[0], 1e-6, "ratios kept: 0.1 of 0.4 becomes 0.5 of 2");
        assertEquals(0.4 * 2 / 0.6, w[1], 1e-6);
    }

    @Test
    void rejectsAnUnknownPairingBeforeTheRun() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> rule.parameters().validate(Map.of("pairing", "triplet")));
        assertTrue(e.getMessage().contains("all-to-all"), e.getMessage());
    }

    static final int[] ROW = {0, 1};

    static Synapses single(float[] w) {
        return Synapses.ofRows(ROW, 1, new int[] {0}, w);
    }

    /** The weight change of one synapse from one pair with {@code t_post - t_pre = offsetMs}, default parameters. */
    private double pairChange(double offsetMs) {
        double tPre = 200;
        return change(Map.of(), new double[] {tPre}, new double[] {tPre + offsetMs});
    }

    private double change(Map<String, Object> overrides, double[] preMs, double[] postMs) {
        float[] w = {(float) W0};
        Map<String, Object> withBound = new HashMap<>(overrides);
        withBound.put("w_min", -1.0);
        Plasticity p = rule.attach(single(w), params(withBound), Replay.DT);
        new Replay(p, ROW).pre(0, preMs).post(0, postMs).run();
        return (double) w[0] - W0;
    }

    private org.synlab.api.Params params(Map<String, Object> overrides) {
        return rule.parameters().validate(new HashMap<>(overrides));
    }
}
