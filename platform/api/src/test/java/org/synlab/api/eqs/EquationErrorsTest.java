package org.synlab.api.eqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad models are rejected with the position of the offending token. */
class EquationErrorsTest {

    private static SpikingModel.Builder lif(String equations) {
        return SpikingModel.builder("test")
                .equations(equations)
                .threshold("v > vt")
                .reset("v = El")
                .parameter("El", "-65 mV", "rest")
                .parameter("vt", "-50 mV", "threshold")
                .parameter("R", "100 Mohm", "resistance")
                .parameter("tau_m", "10 ms", "membrane time constant");
    }

    private static EquationException fails(SpikingModel.Builder b) {
        return assertThrows(EquationException.class, b::build);
    }

    @Test
    void addingVoltsAndAmpsPointsAtThePlus() {
        EquationException e = fails(lif("""
                dv/dt = (El - v + I)/tau_m : volt
                I : amp
                """));
        assertEquals("line 1, column 17: units do not agree: volt + amp", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(17, e.column());
        assertEquals("equations", e.where());
    }

    @Test
    void errorsOnLaterLinesCountLinesAndComments() {
        EquationException e = fails(lif("""
                # a comment line
                dv/dt = (El - v + R*I)/tau_m : volt

                I = w - v : amp   # w is volt, v is volt: the unit is wrong
                w : volt
                """));
        assertEquals(4, e.line());
        assertEquals(5, e.column());
        assertEquals("'I' is declared in amp but its expression is in volt", e.problem());
    }

    @Test
    void rightHandSideMustBeUnitPerSecond() {
        EquationException e = fails(lif("dv/dt = El - v : volt"));
        assertEquals(1, e.line());
        assertEquals(9, e.column());
        assertTrue(e.problem().contains("is in volt, expected volt/second"), e.getMessage());
    }

    @Test
    void functionArgumentsMustBeDimensionless() {
        EquationException e = fails(lif("dv/dt = (El - v)/tau_m + exp(v)/ms*mV : volt"));
        assertEquals(26, e.column());
        assertEquals("the argument of exp must be dimensionless, got volt", e.problem());
    }

    @Test
    void powersOfUnitsNeedConstantExponents() {
        EquationException e = fails(lif("""
                dv/dt = (El - v)/tau_m + x**y*mV/ms : volt
                x : volt
                y : 1
                """));
        assertEquals(27, e.column());
        assertTrue(e.problem().contains("can only be raised to a constant number"), e.getMessage());
        // a dimensioned base with a constant exponent is fine, and so is a negative one
        lif("""
                dv/dt = (El - v)/tau_m + (x**2/mV**-1)/(mV**3)*mV/ms : volt
                x : volt
                """).build();
    }

    @Test
    void unknownIdentifierIsReportedWhereItIs() {
        EquationException e = fails(lif("dv/dt = (El - v + R*Iext)/tau_m : volt"));
        assertEquals("line 1, column 21: unknown identifier 'Iext'", e.getMessage());
    }

    @Test
    void unknownFunction() {
        EquationException e = fails(lif("dv/dt = (El - v)/tau_m*sigmoid(v/mV) : volt"));
        assertEquals(24, e.column());
        assertTrue(e.problem().startsWith("unknown function 'sigmoid'"), e.getMessage());
    }

    @Test
    void syntaxErrorsHaveTheirPositions() {
        EquationException missingParen = fails(lif("dv/dt = (El - v/tau_m : volt"));
        assertEquals(1, missingParen.line());
        assertTrue(missingParen.problem().contains("expected ')'"), missingParen.getMessage());

        EquationException missingUnit = fails(lif("dv/dt = (El - v)/tau_m"));
        assertEquals("line 1, column 23: expected ':' and the unit of 'v', found the end of the text",
                missingUnit.getMessage());

        EquationException doubleOp = fails(lif("dv/dt = (El - v) * / tau_m : volt"));
        assertEquals("line 1, column 20: unexpected '/'", doubleOp.getMessage());

        EquationException badChar = fails(lif("dv/dt = (El - v) $ tau_m : volt"));
        assertEquals("line 1, column 18: unexpected character '$'", badChar.getMessage());

        EquationException badFlag = fails(lif("dv/dt = (El - v)/tau_m : volt (unless spiking)"));
        assertEquals(32, badFlag.column());
        assertTrue(badFlag.problem().startsWith("unknown flag 'unless spiking'"), badFlag.getMessage());

        EquationException twoOnALine = fails(lif("dv/dt = (El - v)/tau_m : volt  w : volt"));
        assertEquals(32, twoOnALine.column());
    }

    @Test
    void unknownUnitInADeclaration() {
        EquationException e = fails(lif("dv/dt = (El - v)/tau_m : volts"));
        assertEquals("line 1, column 26: 'volts' is not a unit", e.getMessage());
    }

    @Test
    void declaredTwice() {
        EquationException e = fails(lif("""
                dv/dt = (El - v)/tau_m : volt
                v : volt
                """));
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.problem().contains("declared twice"), e.getMessage());
    }

    @Test
    void thresholdResetAndRefractoryAreCheckedToo() {
        EquationException threshold = fails(lif("dv/dt = (El - v)/tau_m : volt").threshold("v > 3*ms"));
        assertEquals("threshold: line 1, column 3: units do not agree: volt > second", threshold.getMessage());
        assertEquals("threshold", threshold.where());

        EquationException notACondition = fails(lif("dv/dt = (El - v)/tau_m : volt").threshold("v - vt"));
        assertTrue(notACondition.problem().startsWith("the threshold must be a condition"), notACondition.getMessage());

        EquationException reset = fails(lif("dv/dt = (El - v)/tau_m : volt").reset("v = El; v += 2*nA"));
        assertEquals("reset: line 1, column 14: units do not agree: v (volt) += amp", reset.getMessage());

        EquationException resetConstant = fails(lif("dv/dt = (El - v)/tau_m : volt").reset("El = v"));
        assertEquals(1, resetConstant.column());
        assertTrue(resetConstant.problem().startsWith("cannot assign to 'El'"), resetConstant.getMessage());

        EquationException refractory = fails(lif("dv/dt = (El - v)/tau_m : volt").refractory("5 mV"));
        assertEquals("refractory: line 1, column 1: the refractory period must be a time (second) or a condition such as 'v > -20*mV', got volt",
                refractory.getMessage());
    }

    @Test
    void subexpressionsMayNotDependOnThemselves() {
        EquationException e = fails(lif("""
                dv/dt = (El - v + R*I)/tau_m : volt
                I = J : amp
                J = I : amp
                """));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("I -> J -> I"), e.getMessage());
    }

    @Test
    void parameterDefaultsMustMatchTheirDeclaration() {
        EquationException e = fails(lif("""
                dv/dt = (El - v + R*I)/tau_m : volt
                I : amp
                """).parameter("I", "3 mV", "input"));
        assertEquals("parameter I", e.where());
        assertTrue(e.problem().contains("declared in amp"), e.getMessage());
    }

    @Test
    void exponentialEulerRejectsANonlinearEquation() {
        EquationException e = fails(SpikingModel.builder("izh")
                .equations("""
                        dv/dt = (0.04*v**2/mV + 5*v + 140*mV - u)/ms : volt
                        du/dt = (0.2*v - u)*0.02/ms : volt
                        """)
                .threshold("v >= 30*mV")
                .reset("v = -65*mV; u += 8*mV")
                .method("exponential_euler"));
        assertEquals(1, e.line());
        assertEquals(2, e.column());
        assertTrue(e.problem().startsWith("exponential_euler needs dv/dt linear in v"), e.getMessage());
    }

    @Test
    void unknownMethod() {
        EquationException e = fails(lif("dv/dt = (El - v)/tau_m : volt").method("heun"));
        assertTrue(e.problem().contains("unknown integration method 'heun'"), e.getMessage());
    }

    @Test
    void constantVariablesCannotBeReset() {
        EquationException e = fails(lif("""
                dv/dt = (El - v + R*I)/tau_m : volt
                I : amp (constant)
                """).reset("v = El; I = 0*amp"));
        assertEquals("reset: line 1, column 9: cannot assign to 'I': it is declared (constant) on line 2", e.getMessage());
    }

    @Test
    void aLineContinuesInsideParentheses() {
        SpikingModel m = lif("""
                dv/dt = (El - v
                         + R*I)/tau_m : volt   # one equation on two lines
                I : amp
                """).build();
        assertEquals(java.util.List.of("v"), m.stateVariables());
        EquationException e = fails(lif("""
                dv/dt = (El - v
                         + I)/tau_m : volt
                I : amp
                """));
        assertEquals("line 2, column 10: units do not agree: volt + amp", e.getMessage());
    }
}
