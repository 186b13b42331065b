package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each method against analytic solutions, including its order of convergence. */
class IntegrationTest {

    private static final double TAU = 0.010;
    private static final double T = 0.050;

    private static final SpikingModel DECAY = SpikingModel.builder("decay")
            .equations("dx/dt = -x/tau : 1")
            .threshold("x > 2")
            .parameter("tau", "10 ms", "time constant")
            .initial("x", "1")
            .build();

    private static double decayError(String method, double dt) {
        ReferenceStepper s = new ReferenceStepper(DECAY.program(Map.of("method", method)), 1, dt);
        s.run(T);
        return Math.abs(s.get("x", 0) - Math.exp(-T / TAU));
    }

    @ParameterizedTest(name = "{0}: error shrinks {1}x per halving of dt")
    @CsvSource({"euler, 2", "rk2, 4", "rk4, 16"})
    void convergesWithItsOrder(String method, double expectedRatio) {
        double previous = decayError(method, 0.001);
        for (double dt = 0.0005; dt >= 0.000125; dt /= 2) {
            double error = decayError(method, dt);
            double ratio = previous / error;
            assertEquals(expectedRatio, ratio, expectedRatio * 0.15, method + " at dt=" + dt + ": ratio " + ratio);
            previous = error;
        }
    }

    @Test
    void errorsAreOfTheExpectedSize() {
        // leading error terms of x(T) = exp(-5) with h = dt/tau = 0.1: Euler about T/(2 tau) h e^-5
        assertEquals(2.5 * 0.1 * Math.exp(-5), decayError("euler", 0.001), 2.5 * 0.1 * Math.exp(-5) * 0.15);
        assertTrue(decayError("rk4", 0.001) < 1e-7, "rk4 error " + decayError("rk4", 0.001));
    }

    @Test
    void exponentialEulerIsExactOnDecay() {
        assertTrue(decayError("exponential_euler", 0.005) < 1e-15);
    }

    @Test
    void exponentialEulerIsExactOnALinearDrivenEquation() {
        SpikingModel model = SpikingModel.builder("driven")
                .equations("""
                        dv/dt = (El - v + R*I)/tau_m : volt
                        I : amp
                        """)
                .threshold("v > 1*volt")
                .parameter("El", "-65 mV", "rest")
                .parameter("R", "100 Mohm", "resistance")
                .parameter("tau_m", "10 ms", "membrane time constant")
                .parameter("I", "0.2 nA", "input current")
                .initial("v", "El")
                .method("exponential_euler")
                .build();
        ReferenceStepper s = new ReferenceStepper(model.program(), 1, 0.002);
        double vInf = -0.065 + 1e8 * 0.2e-9;
        for (int step = 1; step <= 20; step++) {
            s.step();
            double exact = vInf + (-0.065 - vInf) * Math.exp(-step * 0.002 / 0.010);
            assertEquals(exact, s.get("v", 0), 1e-15, "step " + step);
        }
    }

    @Test
    void rungeKuttaStagesSeeTheTimeOfTheStage() {
        // dx/dt = t: midpoint and RK4 integrate a linear function of t exactly, Euler does not
        SpikingModel ramp = SpikingModel.builder("ramp")
                .equations("dx/dt = t/second**2 : 1")
                .threshold("x > 1e9")
                .build();
        double exact = T * T / 2;
        for (String method : new String[] {"rk2", "rk4"}) {
            ReferenceStepper s = new ReferenceStepper(ramp.program(Map.of("method", method)), 1, 0.001);
            s.run(T);
            assertEquals(exact, s.get("x", 0), 1e-15, method);
        }
        ReferenceStepper euler = new ReferenceStepper(ramp.program(Map.of("method", "euler")), 1, 0.001);
        euler.run(T);
        assertEquals(exact - T * 0.001 / 2, euler.get("x", 0), 1e-15, "euler lags by T dt / 2");
    }

    @Test
    void coupledLinearSystemWithRk4() {
        // a harmonic oscillator: x'' = -w^2 x, energy kept to rk4's accuracy over ten periods
        SpikingModel oscillator = SpikingModel.builder("oscillator")
                .equations("""
                        dx/dt = y*w : 1
                        dy/dt = -x*w : 1
                        """)
                .threshold("x > 10")
                .parameter("w", "100 Hz", "angular frequency")
                .initial("x", "1")
                .method("rk4")
                .build();
        ReferenceStepper s = new ReferenceStepper(oscillator.program(), 1, 1e-4);
        double duration = 10 * 2 * Math.PI / 100;
        s.run(duration);
        double elapsed = s.time();
        assertEquals(Math.cos(100 * elapsed), s.get("x", 0), 1e-8);
        assertEquals(-Math.sin(100 * elapsed), s.get("y", 0), 1e-8);
    }

    @Test
    void exponentialEulerHandlesAZeroSlopeAndCoupledVariables() {
        // dx/dt does not depend on x (B = 0): x must still advance, by dt * f
        SpikingModel model = SpikingModel.builder("coupled")
                .equations("""
                        dx/dt = y/tau : 1
                        dy/dt = -y/tau : 1
                        """)
                .threshold("x > 10")
                .parameter("tau", "10 ms", "time constant")
                .initial("y", "1")
                .method("exponential_euler")
                .build();
        NeuronProgram p = model.program();
        ReferenceStepper s = new ReferenceStepper(p, 1, 1e-5);
        s.run(0.01);
        // x(t) = 1 - exp(-t/tau); Euler-like for x, exact for y: first order in dt
        assertEquals(1 - Math.exp(-1), s.get("x", 0), 1e-3);
        assertEquals(Math.exp(-1), s.get("y", 0), 1e-12);
    }
}
