package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

/** Program transformations keep the numbers: common subexpressions, dt folding, refractory conditions. */
class ProgramShapeTest {

    /** A Hodgkin-Huxley-like model whose rate functions appear in several equations. */
    static final SpikingModel GATED = SpikingModel.builder("gated")
            .equations("""
                    dv/dt = (gl*(El - v) - g_na*m**3*h*(v - ENa) - g_k*n**4*(v - EK) + I)/Cm : volt
                    dm/dt = alpha_m*(1 - m) - beta_m*m : 1
                    dn/dt = alpha_n*(1 - n) - beta_n*n : 1
                    dh/dt = alpha_h*(1 - h) - beta_h*h : 1
                    alpha_m = 0.32/mV*4*mV/exprel((13*mV - v + VT)/(4*mV))/ms : hertz
                    beta_m = 0.28/mV*5*mV/exprel((v - VT - 40*mV)/(5*mV))/ms : hertz
                    alpha_h = 0.128*exp((17*mV - v + VT)/(18*mV))/ms : hertz
                    beta_h = 4/(1 + exp((40*mV - v + VT)/(5*mV)))/ms : hertz
                    alpha_n = 0.032/mV*5*mV/exprel((15*mV - v + VT)/(5*mV))/ms : hertz
                    beta_n = 0.5*exp((10*mV - v + VT)/(40*mV))/ms : hertz
                    I : amp
                    """)
            .threshold("v > -20*mV")
            .refractory("v > -20*mV")
            .parameter("Cm", "1*uF/cm**2 * 20000*um**2", "capacitance")
            .parameter("gl", "5e-5*siemens/cm**2 * 20000*um**2", "leak")
            .parameter("El", "-65 mV", "leak reversal")
            .parameter("EK", "-90 mV", "potassium reversal")
            .parameter("ENa", "50 mV", "sodium reversal")
            .parameter("g_na", "100*msiemens/cm**2 * 20000*um**2", "sodium")
            .parameter("g_k", "30*msiemens/cm**2 * 20000*um**2", "potassium")
            .parameter("VT", "-63 mV", "rate offset")
            .parameter("I", "0.5 nA", "input")
            .initial("v", "El")
            .initial("m", "alpha_m/(alpha_m + beta_m)")
            .initial("n", "alpha_n/(alpha_n + beta_n)")
            .initial("h", "alpha_h/(alpha_h + beta_h)")
            .method("exponential_euler")
            .build();

    /** The same statements with every hoisted local substituted back. */
    private static NeuronProgram inlined(NeuronProgram p) {
        Map<String, Expr> hoisted = new HashMap<>();
        List<Assignment> update = new ArrayList<>();
        for (Assignment a : p.update()) {
            Expr value = Algebra.substitute(a.value(), hoisted);
            if (a.target().startsWith(CommonSubexpressions.PREFIX)) {
                hoisted.put(a.target(), value);
            } else {
                update.add(new Assignment(a.target(), value, a.local()));
            }
        }
        return new NeuronProgram(p.model(), p.method(), p.variables(), p.constants(), update, p.threshold(), p.reset(),
                p.refractory());
    }

    private static int size(List<Assignment> statements) {
        return statements.stream().mapToInt(a -> CommonSubexpressions.size(a.value())).sum();
    }

    @Test
    void hoistingChangesNoNumberAndShrinksTheProgram() {
        NeuronProgram compact = GATED.program();
        NeuronProgram full = inlined(compact);
        assertTrue(size(compact.update()) * 10 < size(full.update()) * 6,
                "hoisted " + size(compact.update()) + " nodes against " + size(full.update()));
        ReferenceStepper a = new ReferenceStepper(compact, 1, 1e-5);
        ReferenceStepper b = new ReferenceStepper(full, 1, 1e-5);
        List<double[]> spikesA = a.run(0.1);
        List<double[]> spikesB = b.run(0.1);
        assertTrue(spikesA.get(0).length > 3, "it fires at 0.5 nA");
        assertArrayEquals(spikesB.get(0), spikesA.get(0));
        for (String v : List.of("v", "m", "n", "h")) {
            assertEquals(b.get(v, 0), a.get(v, 0), 0, v + " bit for bit");
        }
    }

    @Test
    void gatesStartAtTheirSteadyState() {
        NeuronProgram p = GATED.program(Map.of("I", 0));
        ReferenceStepper s = new ReferenceStepper(p, 1, 1e-5);
        s.run(0.01);
        // at rest nothing moves but the tiny imbalance of the leak against the channels at El
        assertEquals(p.variable("h").initial(), s.get("h", 0), 2e-3);
        assertEquals(p.variable("m").initial(), s.get("m", 0), 2e-3);
    }

    @Test
    void aRefractoryConditionCountsOneSpikePerUpswing() {
        NeuronProgram p = GATED.program();
        ReferenceStepper s = new ReferenceStepper(p, 1, 1e-5);
        double[] spikes = s.run(0.2).get(0);
        assertTrue(spikes.length > 10);
        // without the condition every step above -20 mV would count: about 40 steps per spike
        for (int i = 1; i < spikes.length; i++) {
            assertTrue(spikes[i] - spikes[i - 1] > 0.004, "one spike per action potential");
        }
        NeuronProgram unguarded = new NeuronProgram(p.model(), p.method(), p.variables(), p.constants(), p.update(),
                Algebra.simplify(Algebra.substitute(p.threshold(), Map.of(NeuronProgram.REFRACTORY, new Expr.Num(0)))),
                p.reset(), p.refractory());
        int unguardedSpikes = new ReferenceStepper(unguarded, 1, 1e-5).run(0.2).get(0).length;
        assertTrue(unguardedSpikes > 10 * spikes.length, unguardedSpikes + " steps above threshold");
    }

    @Test
    void bindingTheTimeStepFoldsConstantLocalsAndKeepsTheNumbers() {
        double dt = 1e-4;
        NeuronProgram p = RefractoryAndResetTest.LIF.program();
        NeuronProgram bound = p.withTimeStep(dt);
        for (Assignment a : bound.update()) {
            assertTrue(!a.value().variables().contains("dt"), a.toString());
        }
        assertTrue(bound.update().size() <= p.update().size());
        ReferenceStepper a = new ReferenceStepper(p, 1, dt);
        ReferenceStepper b = new ReferenceStepper(bound, 1, dt);
        a.set("I", 0, 0.5e-9);
        b.set("I", 0, 0.5e-9);
        double[] sa = a.run(0.3).get(0);
        double[] sb = b.run(0.3).get(0);
        assertArrayEquals(sa, sb);
        assertEquals(a.get("v", 0), b.get("v", 0), 1e-12);
    }

    @Test
    void float32StorageStaysWithinAStepOfTheDoubleReference() {
        double dt = 1e-4;
        double coarse = RefractoryAndResetTest.worstPeriodError(RefractoryAndResetTest.LIF, "exponential_euler", dt);
        NeuronProgram p = RefractoryAndResetTest.LIF.program();
        ReferenceStepper single = new ReferenceStepper(p, 1, dt, true);
        ReferenceStepper reference = new ReferenceStepper(p, 1, dt);
        single.set("I", 0, 0.5e-9);
        reference.set("I", 0, 0.5e-9);
        double[] s32 = single.run(1.0).get(0);
        double[] s64 = reference.run(1.0).get(0);
        assertEquals(s64.length, s32.length);
        for (int i = 0; i < s64.length; i++) {
            assertEquals(s64[i], s32[i], dt * 1.5, "spike " + i);
        }
        assertTrue(coarse < dt);
        assertEquals((float) single.get("v", 0), single.get("v", 0), 0, "stored as float");
    }

    @Test
    void squaresBecomeProducts() {
        assertEquals(Expr.parse("v * v"), Algebra.simplify(Expr.parse("v ^ 2")));
        assertEquals(Expr.parse("(v + 1) ^ 2"), Algebra.simplify(Expr.parse("(v + 1) ^ 2")));
    }

    @Test
    void derivativesAndSimplification() {
        assertEquals(Expr.parse("x + x"), Algebra.derivative(Expr.parse("x * x"), "x"));
        assertEquals(new Expr.Num(0), Algebra.derivative(Expr.parse("exp(y) * 3 + y / z"), "x"));
        assertEquals(Expr.parse("-(a)"), Algebra.derivative(Expr.parse("a * (b - x)"), "x"));
        Expr d = Algebra.derivative(Expr.parse("exp(2 * x)"), "x");
        assertEquals(2 * Math.exp(1.4), d.evaluate(n -> 0.7), 1e-12);
        Expr q = Algebra.derivative(Expr.parse("sin(x) / x"), "x");
        double x = 0.9;
        assertEquals((Math.cos(x) * x - Math.sin(x)) / (x * x), q.evaluate(n -> x), 1e-12);
    }
}
