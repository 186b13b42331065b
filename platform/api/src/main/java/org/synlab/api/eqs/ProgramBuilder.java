package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Binary;
import org.synlab.api.expr.Expr.BinaryOp;
import org.synlab.api.expr.Expr.Call;
import org.synlab.api.expr.Expr.Conditional;
import org.synlab.api.expr.Expr.Function;
import org.synlab.api.expr.Expr.Num;
import org.synlab.api.expr.Expr.Var;

/**
 * Turns a checked {@link SpikingModel} and parameter values into a {@link NeuronProgram}:
 * substitutes subexpressions and shared parameters, freezes {@code (unless refractory)} equations,
 * integrates, and writes the refractory countdown into the statements.
 */
final class ProgramBuilder {

    /** Brian2 rounds the refractory period to steps with this tolerance, so 5 ms / 0.1 ms is 50 steps, not 49. */
    private static final double STEP_ROUNDING = 1e-3;

    private final SpikingModel model;
    private final Method method;
    private final Map<String, Double> shared = new LinkedHashMap<>();
    private final Map<String, Double> perNeuron = new LinkedHashMap<>();
    private final Map<String, Expr> bindings = new HashMap<>();
    private final Map<String, Expr> resolved = new HashMap<>();
    private final boolean refractory;

    ProgramBuilder(SpikingModel model, Method method, Map<String, Double> given) {
        this.model = model;
        this.method = method;
        this.refractory = model.refractory() != null;
        for (Parameter p : model.parameterMap().values()) {
            double value = given.getOrDefault(p.name(), p.defaultValue().value());
            (p.perNeuron() ? perNeuron : shared).put(p.name(), value);
        }
        shared.forEach((n, v) -> bindings.put(n, new Num(v)));
        bindings.put(Scope.NOT_REFRACTORY, SpikingModel.notRefractory(refractory));
    }

    /** Each frozen variable keeps its value while refractory: {@code x = not_refractory ? x_new : x}. */
    private List<Assignment> hold(List<Assignment> integrated) {
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : integrated) {
            if (!a.local() && model.frozen().contains(a.target())) {
                out.add(new Assignment(a.target(), new Conditional(SpikingModel.notRefractory(true), a.value(),
                        new Var(a.target())), false));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    NeuronProgram build() {
        // Brian2 freezes a variable by making its right-hand side 0 while refractory, in every stage
        // of the method. A one-stage method gives the same value by holding the variable instead,
        // which keeps the flag out of the equation: exponential Euler's exp(B dt) then stays a
        // constant (B no longer depends on the neuron's state) and LIF's update needs no exp per step.
        boolean holdFrozen = method == Method.EULER || method == Method.EXPONENTIAL_EULER;
        Map<String, Expr> rates = new LinkedHashMap<>();
        for (String x : model.states()) {
            Expr f = model.rhs().get(x);
            if (refractory && !holdFrozen && model.frozen().contains(x)) {
                f = new Binary(BinaryOp.MUL, f, new Var(Scope.NOT_REFRACTORY));
            }
            rates.put(x, full(f));
        }
        List<Assignment> update = new ArrayList<>();
        Var countdown = new Var(NeuronProgram.REFRACTORY);
        if (refractory && model.refractoryCondition()) {
            // Brian2: refractory from the spike until the condition fails, checked before the update
            update.add(new Assignment(NeuronProgram.REFRACTORY, Algebra.simplify(
                    new Binary(BinaryOp.AND, countdown, full(model.refractory()))), false));
        } else if (refractory) {
            update.add(new Assignment(NeuronProgram.REFRACTORY, new Call(Function.MAX,
                    List.of(new Binary(BinaryOp.SUB, countdown, new Num(1)), new Num(0))), false));
        }
        try {
            List<Assignment> integrated = method.integrate(model.states(), rates);
            if (refractory && holdFrozen) {
                integrated = hold(integrated);
            }
            update.addAll(new CommonSubexpressions().eliminate(integrated));
        } catch (Method.NotLinearException e) {
            Token at = model.nameToken(e.variable);
            throw new EquationException("equations", at.line(), at.column(), e.getMessage());
        }

        Expr threshold = full(model.threshold());
        if (refractory) {
            threshold = Algebra.simplify(new Binary(BinaryOp.AND, threshold, SpikingModel.notRefractory(true)));
        }

        List<Assignment> reset = new ArrayList<>();
        for (SpikingModel.Reset statement : model.reset()) {
            Expr value = full(statement.value());
            Var old = new Var(statement.target());
            Expr assigned = switch (statement.op()) {
                case "+=" -> new Binary(BinaryOp.ADD, old, value);
                case "-=" -> new Binary(BinaryOp.SUB, old, value);
                case "*=" -> new Binary(BinaryOp.MUL, old, value);
                case "/=" -> new Binary(BinaryOp.DIV, old, value);
                default -> value;
            };
            reset.add(new Assignment(statement.target(), Algebra.simplify(assigned), false));
        }
        Expr period = refractory ? full(model.refractory()) : null;
        if (refractory && model.refractoryCondition()) {
            reset.add(new Assignment(NeuronProgram.REFRACTORY, new Num(1), false));
        } else if (refractory) {
            reset.add(new Assignment(NeuronProgram.REFRACTORY, Algebra.simplify(new Call(Function.FLOOR, List.of(
                    new Binary(BinaryOp.ADD, new Binary(BinaryOp.DIV, period, new Var(Scope.TIME_STEP)),
                            new Num(STEP_ROUNDING))))), false));
        }
        return new NeuronProgram(model.name(), method, variables(), shared, update, threshold, reset, period);
    }

    private List<Variable> variables() {
        Map<String, Double> env = new HashMap<>(shared);
        List<Variable> declared = new ArrayList<>();
        for (String n : model.declared()) {
            double value = perNeuron.containsKey(n) ? perNeuron.get(n)
                    : model.initial().containsKey(n) ? evaluate(n, env) : 0;
            env.put(n, value);
            declared.add(new Variable(n, model.dimension(n), Variable.Kind.PARAMETER, value));
        }
        List<Variable> out = new ArrayList<>();
        for (String n : model.states()) {
            double value = model.initial().containsKey(n) ? evaluate(n, env) : 0;
            env.put(n, value);
            out.add(new Variable(n, model.dimension(n), Variable.Kind.STATE, value));
        }
        out.addAll(declared);
        if (refractory) {
            out.add(new Variable(NeuronProgram.REFRACTORY, Dimension.NONE, Variable.Kind.INTERNAL, 0));
        }
        return out;
    }

    private double evaluate(String variable, Map<String, Double> env) {
        Expr e = full(model.initial().get(variable));
        return e.evaluate(name -> {
            Double v = env.get(name);
            if (v == null) {
                throw new EquationException("initial value of " + variable, 1, 1,
                        "reads '" + name + "', which has no value yet (only parameters and variables declared earlier)");
            }
            return v;
        });
    }

    /** Subexpressions substituted, shared parameters bound, constants folded. */
    private Expr full(Expr e) {
        return Algebra.simplify(Algebra.substitute(inline(e), bindings));
    }

    private Expr inline(Expr e) {
        Map<String, Expr> by = new HashMap<>();
        for (String v : e.variables()) {
            if (model.subexpressions().containsKey(v)) {
                by.put(v, subexpression(v));
            }
        }
        return by.isEmpty() ? e : Algebra.substitute(e, by);
    }

    private Expr subexpression(String name) {
        Expr done = resolved.get(name);
        if (done == null) {
            done = inline(model.subexpressions().get(name));
            resolved.put(name, done);
        }
        return done;
    }
}
