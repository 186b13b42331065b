package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

/** Gathering constant factors when dt is bound: fewer operations, the same numbers up to rounding. */
class ConstantFactorsTest {

    /** CUBA's neuron: a membrane with two exponentially decaying synaptic inputs. */
    static final SpikingModel CUBA = SpikingModel.builder("cuba")
            .equations("""
                    dv/dt = (El - v + ge + gi)/tau_m : volt (unless refractory)
                    dge/dt = -ge/tau_e : volt
                    dgi/dt = -gi/tau_i : volt
                    """)
            .threshold("v > vt")
            .reset("v = vr")
            .refractory("tau_ref")
            .parameter("El", "-49 mV", "resting potential")
            .parameter("vr", "-60 mV", "reset")
            .parameter("vt", "-50 mV", "threshold")
            .parameter("tau_m", "20 ms", "membrane")
            .parameter("tau_e", "5 ms", "excitatory")
            .parameter("tau_i", "10 ms", "inhibitory")
            .parameter("tau_ref", "5 ms", "refractory period")
            .initial("v", "vr")
            .method("exponential_euler")
            .build();

    /** Izhikevich (2003) by Euler: u's slope reads v, which the update assigns before u's statement. */
    static final SpikingModel IZHIKEVICH = SpikingModel.builder("izh")
            .equations("""
                    dv/dt = (0.04*v**2/mV + 5*v + 140*mV - u)/ms + I : volt
                    du/dt = a*(b*v - u)/ms : volt
                    I : volt/second
                    """)
            .threshold("v >= 30*mV")
            .reset("v = c; u = u + d")
            .parameter("a", "0.02", "recovery rate")
            .parameter("b", "0.2", "recovery sensitivity")
            .parameter("c", "-65 mV", "reset")
            .parameter("d", "8 mV", "reset jump")
            .parameter("I", "10 mV/ms", "input")
            .initial("v", "-65 mV")
            .initial("u", "b*v")
            .method("euler")
            .build();

    private static Expr fold(String source) {
        return Algebra.simplify(ConstantFactors.fold(Expr.parse(source)));
    }

    @Test
    void nestedConstantFactorsBecomeOne() {
        assertEquals(fold("(x * y) * 6"), fold("(x * 2) * (y * 3)"));
        assertEquals(fold("x * -0.25"), fold("-x / 4"));
        assertEquals(fold("(x + y) * 0.5"), fold("0.001 * ((x + y) / 0.02 * 10)"));
        // a decay written as x + dt * slope is one multiplication
        assertEquals(fold("x * 0.75"), fold("x + 0.5 * (-x / 2)"));
        assertEquals(fold("x * 1.25"), fold("x - 0.5 * (-x / 2)"));
        // no constant to gather: unchanged
        assertEquals(Expr.parse("(x + y) * z"), fold("(x + y) * z"));
        assertEquals(Expr.parse("x / y"), fold("x / y"));
    }

    @Test
    void exponentialEulerDecayIsOneMultiplicationByTheExactPropagator() {
        double dt = 1e-4;
        NeuronProgram bound = CUBA.program().withTimeStep(dt);
        Assignment ge = statement(bound, "ge");
        Expr.Binary product = (Expr.Binary) ge.value();
        assertEquals(Expr.BinaryOp.MUL, product.op(), ge.toString());
        assertEquals(new Expr.Var("ge"), product.left(), ge.toString());
        double factor = ((Expr.Num) product.right()).value();
        assertEquals(Math.exp(-dt / 5e-3), factor, 1e-15);
        for (Assignment a : bound.update()) {
            assertFalse(a.value().toString().contains("/"), "no division left in " + a);
        }
        assertTrue(bound.update().stream().noneMatch(Assignment::local), "the slopes are read once and substituted");
    }

    @Test
    void foldedAndUnfoldedProgramsStepAlike() {
        for (SpikingModel model : List.of(CUBA, IZHIKEVICH)) {
            double dt = 1e-4;
            NeuronProgram p = model.program();
            ReferenceStepper unfolded = new ReferenceStepper(p, 1, dt);
            ReferenceStepper folded = new ReferenceStepper(p.withTimeStep(dt), 1, dt);
            if (model == CUBA) {
                unfolded.set("ge", 0, 0.02);
                folded.set("ge", 0, 0.02);
            }
            double[] expected = unfolded.run(0.5).get(0);
            double[] got = folded.run(0.5).get(0);
            assertTrue(expected.length > 3, model.name() + " fires in this test: " + expected.length);
            assertArrayEquals(expected, got, model.name());
            assertEquals(unfolded.get("v", 0), folded.get("v", 0), 1e-12, model.name());
        }
    }

    @Test
    void aSlopeReadingAVariableAssignedBeforeItsReaderStaysALocal() {
        NeuronProgram bound = IZHIKEVICH.program().withTimeStep(1e-4);
        List<String> order = bound.update().stream().map(Assignment::target).toList();
        int v = order.indexOf("v");
        int slope = order.indexOf("_k1_u");
        assertTrue(slope >= 0 && slope < v, "u's slope is computed from the old v, before v changes: " + order);
    }

    private static Assignment statement(NeuronProgram p, String target) {
        return p.update().stream().filter(a -> a.target().equals(target)).findFirst().orElseThrow();
    }
}
