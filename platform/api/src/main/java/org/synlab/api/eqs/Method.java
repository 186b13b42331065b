package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Num;
import org.synlab.api.expr.Expr.Var;

/**
 * How a model's differential equations become the statements of one time step. The explicit
 * Runge-Kutta methods evaluate the right-hand sides at stage states kept in locals; exponential
 * Euler is exact for equations linear in their own variable with coefficients held over the step.
 */
public enum Method {

    /** Forward Euler, first order: {@code x += dt * f(x)}. */
    EULER("euler", new double[][] {{}}, new double[] {1}, new double[] {0}),
    /** The midpoint method, second order. */
    RK2("rk2", new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}),
    /** The classical fourth-order Runge-Kutta method. */
    RK4("rk4", new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}}, new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
            new double[] {0, 0.5, 0.5, 1}),
    /**
     * Brian2's exponential Euler: for {@code dx/dt = A + B x} with A and B not depending on x,
     * {@code x <- -A/B + (x + A/B) exp(B dt)}, written here as {@code x + dt f(x) exprel(B dt)}, which
     * is the same value and stays finite when B is 0.
     */
    EXPONENTIAL_EULER("exponential_euler", null, null, null);

    private final String id;
    private final double[][] a;
    private final double[] b;
    private final double[] c;

    Method(String id, double[][] a, double[] b, double[] c) {
        this.id = id;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** The name used in model declarations and experiment files, e.g. {@code exponential_euler}. */
    public String id() {
        return id;
    }

    /** The method called {@code id} ({@code euler}, {@code rk2}, {@code rk4}, {@code exponential_euler}). */
    public static Optional<Method> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /** The ids of all methods, for messages and parameter schemas. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }

    /** Raised when exponential Euler meets an equation that is not linear in its variable. */
    static final class NotLinearException extends IllegalArgumentException {
        final String variable;

        NotLinearException(String variable) {
            super("exponential_euler needs d" + variable + "/dt linear in " + variable
                    + " (A + B*" + variable + " with A and B free of " + variable + "); use euler, rk2 or rk4");
            this.variable = variable;
        }
    }

    /**
     * The statements that advance {@code states} by one step {@code dt}.
     *
     * @param states the state variables, in order
     * @param rhs    each state's right-hand side, subexpressions and constants already substituted
     */
    List<Assignment> integrate(List<String> states, Map<String, Expr> rhs) {
        return this == EXPONENTIAL_EULER ? exponential(states, rhs) : rungeKutta(states, rhs);
    }

    private List<Assignment> rungeKutta(List<String> states, Map<String, Expr> rhs) {
        List<Assignment> out = new ArrayList<>();
        Var dt = new Var(Scope.TIME_STEP);
        for (int s = 0; s < b.length; s++) {
            Map<String, Expr> at = new LinkedHashMap<>();
            if (s > 0) {
                for (String x : states) {
                    Expr increment = new Num(0);
                    for (int j = 0; j < a[s].length; j++) {
                        if (a[s][j] != 0) {
                            increment = Algebra.add(increment, Algebra.mul(new Num(a[s][j]), new Var(k(j, x))));
                        }
                    }
                    String stage = "_" + x + "_" + s;
                    out.add(new Assignment(stage, Algebra.simplify(
                            Algebra.add(new Var(x), Algebra.mul(dt, increment))), true));
                    at.put(x, new Var(stage));
                }
                at.put(Scope.TIME, Algebra.add(new Var(Scope.TIME), Algebra.mul(new Num(c[s]), dt)));
            }
            for (String x : states) {
                out.add(new Assignment(k(s, x), Algebra.simplify(Algebra.substitute(rhs.get(x), at)), true));
            }
        }
        for (String x : states) {
            Expr sum = new Num(0);
            for (int s = 0; s < b.length; s++) {
                if (b[s] != 0) {
                    sum = Algebra.add(sum, Algebra.mul(new Num(b[s]), new Var(k(s, x))));
                }
            }
            out.add(new Assignment(x, Algebra.simplify(Algebra.add(new Var(x), Algebra.mul(dt, sum))), false));
        }
        return out;
    }

    private List<Assignment> exponential(List<String> states, Map<String, Expr> rhs) {
        List<Assignment> out = new ArrayList<>();
        Var dt = new Var(Scope.TIME_STEP);
        for (String x : states) {
            Expr f = rhs.get(x);
            Expr slope = Algebra.derivative(f, x);
            if (slope.variables().contains(x)) {
                throw new NotLinearException(x);
            }
            if (slope instanceof Num n && n.value() == 0) {
                out.add(new Assignment(k(0, x), f, true));
                continue;
            }
            // exprel reads its argument three times: give B*dt a name
            String z = "_z_" + x;
            out.add(new Assignment(z, Algebra.simplify(Algebra.mul(slope, dt)), true));
            out.add(new Assignment(k(0, x), Algebra.simplify(Algebra.mul(f, Functions.exprel(new Var(z)))), true));
        }
        for (String x : states) {
            out.add(new Assignment(x, Algebra.add(new Var(x), Algebra.mul(dt, new Var(k(0, x)))), false));
        }
        return out;
    }

    private static String k(int stage, String x) {
        return "_k" + (stage + 1) + "_" + x;
    }
}
