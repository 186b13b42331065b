package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.ParameterException;
import org.synlab.api.expr.Expr;

/** The leaky integrate-and-fire neuron from its equations: f-I curve, refractoriness, parameters. */
class RefractoryAndResetTest {

    static final SpikingModel LIF = SpikingModel.builder("lif")
            .equations("""
                    dv/dt = (El - v + R*I)/tau_m : volt (unless refractory)
                    I : amp
                    """)
            .threshold("v > vt")
            .reset("v = vr")
            .refractory("tau_ref")
            .parameter("El", "-65 mV", "resting potential")
            .parameter("vr", "-65 mV", "reset potential")
            .parameter("vt", "-50 mV", "threshold")
            .parameter("R", "100 Mohm", "membrane resistance")
            .parameter("tau_m", "10 ms", "membrane time constant")
            .parameter("tau_ref", "2 ms", "refractory period")
            .parameter("I", "0 nA", "input current")
            .initial("v", "El")
            .method("exponential_euler")
            .build();

    private static final double EL = -0.065;
    private static final double VT = -0.050;
    private static final double R = 1e8;
    private static final double TAU = 0.010;
    private static final double T_REF = 0.002;

    static double analyticRate(double current) {
        double drive = R * current;
        return drive <= VT - EL ? 0 : 1 / (T_REF + TAU * Math.log(drive / (drive - (VT - EL))));
    }

    /** The worst |ISI - analytic period| over currents from just above rheobase to 1 nA. */
    static double worstPeriodError(SpikingModel model, String method, double dt) {
        double[] currents = {0.16e-9, 0.2e-9, 0.3e-9, 0.5e-9, 0.7e-9, 1.0e-9};
        ReferenceStepper s = new ReferenceStepper(model.program(Map.of("method", method)), currents.length, dt);
        for (int n = 0; n < currents.length; n++) {
            s.set("I", n, currents[n]);
        }
        List<double[]> spikes = s.run(1.0);
        double worst = 0;
        for (int n = 0; n < currents.length; n++) {
            double[] t = spikes.get(n);
            assertTrue(t.length >= 10, "too few spikes at " + currents[n]);
            double meanIsi = (t[t.length - 1] - t[0]) / (t.length - 1);
            worst = Math.max(worst, Math.abs(meanIsi - 1 / analyticRate(currents[n])));
        }
        return worst;
    }

    @Test
    void fICurveMatchesTheAnalyticFormulaWithinOneStep() {
        double coarse = worstPeriodError(LIF, "exponential_euler", 1e-4);
        double fine = worstPeriodError(LIF, "exponential_euler", 1e-5);
        // spikes are seen at step boundaries: each period is off by less than one step
        assertTrue(coarse < 1e-4, "period error at dt=0.1 ms: " + coarse);
        assertTrue(fine < 1e-5, "period error at dt=0.01 ms: " + fine);
        System.out.printf("LIF f-I, worst period error: %.3g s at dt=0.1 ms, %.3g s at dt=0.01 ms%n", coarse, fine);
    }

    @Test
    void eulerConvergesToTheSameCurve() {
        double coarse = worstPeriodError(LIF, "euler", 1e-4);
        double fine = worstPeriodError(LIF, "euler", 1e-5);
        assertTrue(fine < coarse / 5, "euler: " + coarse + " then " + fine);
        assertTrue(fine < 3e-5, "euler period error at dt=0.01 ms: " + fine);
    }

    @Test
    void belowRheobaseThereAreNoSpikes() {
        ReferenceStepper s = new ReferenceStepper(LIF.program(Map.of("I", "0.14 nA")), 1, 1e-4);
        assertEquals(0, s.run(0.5).get(0).length);
        assertEquals(EL + R * 0.14e-9, s.get("v", 0), 1e-9);
    }

    @Test
    void voltageIsHeldAtResetDuringTheRefractoryPeriod() {
        double dt = 1e-4;
        ReferenceStepper s = new ReferenceStepper(LIF.program(), 1, dt);
        s.set("I", 0, 1e-9);
        int step = 0;
        while (s.step().length == 0) {
            step++;
            assertTrue(step < 1000, "no spike");
        }
        // 2 ms = 20 steps: the voltage stays at vr while the countdown runs, then rises
        for (int k = 1; k < 20; k++) {
            assertEquals(0, s.step().length);
            assertEquals(-0.065, s.get("v", 0), 0, "step " + k + " after the spike");
        }
        s.step();
        assertTrue(s.get("v", 0) > -0.065, "integrates again after the refractory period");
    }

    @Test
    void parametersAcceptNumbersInTheirUnitAndQuantities() {
        NeuronProgram numbers = LIF.program(Map.of("tau_m", 20, "vt", -55));
        NeuronProgram quantities = LIF.program(Map.of("tau_m", "20 ms", "vt", "-55 mV"));
        assertEquals(0.020, numbers.constants().get("tau_m"), 1e-15);
        assertEquals(-0.055, numbers.constants().get("vt"), 1e-15);
        assertEquals(numbers, quantities);

        ParameterException unit = assertThrows(ParameterException.class, () -> LIF.program(Map.of("tau_m", "20 mV")));
        assertEquals("tau_m", unit.key());
        assertTrue(unit.getMessage().contains("must be in second"), unit.getMessage());
        ParameterException unknown = assertThrows(ParameterException.class, () -> LIF.program(Map.of("tau", 20)));
        assertTrue(unknown.getMessage().startsWith("unknown parameter 'tau' of neuron model lif; known: El, vr"),
                unknown.getMessage());
        assertThrows(ParameterException.class, () -> LIF.program(Map.of("method", "leapfrog")));
    }

    @Test
    void schemaListsParametersInTheirUnits() {
        var schema = LIF.schema();
        assertEquals("ms", schema.spec("tau_m").unit());
        assertEquals(10.0, (Double) schema.spec("tau_m").defaultValue(), 1e-12);
        assertEquals("Mohm", schema.spec("R").unit());
        assertEquals("exponential_euler", schema.spec("method").defaultValue());
        assertTrue(schema.spec("I").description().contains("per neuron"));
    }

    @Test
    void programDescribesVariablesAndBindsConstants() {
        NeuronProgram p = LIF.program();
        assertEquals(List.of("v", "I", NeuronProgram.REFRACTORY), p.variables().stream().map(Variable::name).toList());
        assertEquals(Variable.Kind.STATE, p.variable("v").kind());
        assertEquals(Variable.Kind.PARAMETER, p.variable("I").kind());
        assertEquals(Dimension.CURRENT, p.variable("I").dimension());
        assertEquals(EL, p.variable("v").initial(), 1e-15);
        assertEquals(0.002, ((Expr.Num) p.refractory()).value(), 1e-15);
        for (Assignment a : p.update()) {
            for (String v : a.value().variables()) {
                assertFalse(p.constants().containsKey(v), "constant " + v + " left unbound in " + a);
            }
        }
        // with dt bound, the refractory countdown is a plain number of steps
        NeuronProgram bound = p.withTimeStep(1e-4);
        Assignment countdown = bound.reset().get(bound.reset().size() - 1);
        assertEquals(NeuronProgram.REFRACTORY, countdown.target());
        assertEquals(new Expr.Num(20), countdown.value());
    }

    @Test
    void resetStatementsRunInOrder() {
        SpikingModel adapting = SpikingModel.builder("adapting")
                .equations("""
                        dv/dt = (I - w)/C : volt
                        dw/dt = -w/tau_w : amp
                        I : amp
                        """)
                .threshold("v > 10*mV")
                .reset("v = 0*mV; w += b\nw *= 2")
                .parameter("C", "1 nF", "capacitance")
                .parameter("tau_w", "100 ms", "adaptation time constant")
                .parameter("b", "0.1 nA", "adaptation jump")
                .parameter("I", "2 nA", "input")
                .build();
        ReferenceStepper s = new ReferenceStepper(adapting.program(), 1, 1e-4);
        while (s.step().length == 0) {
            assertTrue(s.time() < 1);
        }
        assertEquals(0, s.get("v", 0));
        double wBefore = s.get("w", 0) / 2 - 0.1e-9;
        assertTrue(wBefore < 1e-15 && wBefore > -1e-15, "w was 0 before the first spike, then (0 + b)*2");
    }
}
