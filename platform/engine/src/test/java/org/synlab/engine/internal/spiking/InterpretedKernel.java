package org.synlab.engine.internal.spiking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.eqs.Assignment;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.expr.Expr;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;

/**
 * A neuron kernel that interprets a {@link NeuronProgram}'s expression trees, resolved once to slots:
 * the engine's tests run spiking experiments with it, independently of how a backend generates code.
 * Values are computed in double and stored as float, as the state is float32.
 */
final class InterpretedKernel implements NeuronKernel {

    /** One compiled expression: reads variables of neuron {@code i}, locals and the time. */
    private interface Op {
        double eval(float[][] vars, double[] locals, int i, double t);
    }

    private record Statement(boolean local, int slot, Op value) {
    }

    private final List<String> names;
    private final double dt;
    private final List<Statement> update = new ArrayList<>();
    private final List<Statement> reset = new ArrayList<>();
    private final Op threshold;
    private final Map<String, Integer> localSlots = new HashMap<>();

    InterpretedKernel(NeuronProgram program, double dtSeconds) {
        NeuronProgram bound = program.withTimeStep(dtSeconds);
        this.names = bound.variables().stream().map(Variable::name).toList();
        this.dt = dtSeconds;
        statements(bound.update(), update);
        this.threshold = compile(bound.threshold());
        statements(bound.reset(), reset);
    }

    private void statements(List<Assignment> source, List<Statement> out) {
        for (Assignment a : source) {
            Op value = compile(a.value());
            if (a.local()) {
                out.add(new Statement(true, localSlots.computeIfAbsent(a.target(), k -> localSlots.size()), value));
            } else {
                out.add(new Statement(false, names.indexOf(a.target()), value));
            }
        }
    }

    private Op compile(Expr e) {
        return switch (e) {
            case Expr.Num n -> {
                double v = n.value();
                yield (vars, locals, i, t) -> v;
            }
            case Expr.Var v -> {
                if (v.name().equals("t")) {
                    yield (vars, locals, i, t) -> t;
                }
                int index = names.indexOf(v.name());
                if (index >= 0) {
                    yield (vars, locals, i, t) -> vars[index][i];
                }
                Integer slot = localSlots.get(v.name());
                if (slot == null) {
                    throw new IllegalArgumentException("unknown name " + v.name());
                }
                int s = slot;
                yield (vars, locals, i, t) -> locals[s];
            }
            case Expr.Unary u -> {
                Op operand = compile(u.operand());
                Expr.UnaryOp op = u.op();
                yield (vars, locals, i, t) -> op.apply(operand.eval(vars, locals, i, t));
            }
            case Expr.Binary b -> {
                Op left = compile(b.left());
                Op right = compile(b.right());
                Expr.BinaryOp op = b.op();
                yield (vars, locals, i, t) -> op.apply(left.eval(vars, locals, i, t), right.eval(vars, locals, i, t));
            }
            case Expr.Call c -> {
                Op[] args = c.args().stream().map(this::compile).toArray(Op[]::new);
                Expr.Function f = c.function();
                yield (vars, locals, i, t) -> {
                    double[] a = new double[args.length];
                    for (int k = 0; k < a.length; k++) {
                        a[k] = args[k].eval(vars, locals, i, t);
                    }
                    return f.apply(a);
                };
            }
            case Expr.Conditional c -> {
                Op condition = compile(c.condition());
                Op then = compile(c.then());
                Op otherwise = compile(c.otherwise());
                yield (vars, locals, i, t) -> condition.eval(vars, locals, i, t) != 0 ? then.eval(vars, locals, i, t)
                        : otherwise.eval(vars, locals, i, t);
            }
        };
    }

    @Override
    public List<String> variables() {
        return names;
    }

    @Override
    public int update(PopulationState state, long step, int from, int to, int[] spiked) {
        float[][] vars = new float[names.size()][];
        for (int v = 0; v < vars.length; v++) {
            vars[v] = state.variable(v);
        }
        double[] locals = new double[Math.max(1, localSlots.size())];
        double t = step * dt;
        int count = 0;
        for (int i = from; i < to; i++) {
            run(update, vars, locals, i, t);
            if (threshold.eval(vars, locals, i, t) != 0) {
                run(reset, vars, locals, i, t);
                spiked[count++] = i;
            }
        }
        return count;
    }

    private static void run(List<Statement> statements, float[][] vars, double[] locals, int i, double t) {
        for (Statement s : statements) {
            double value = s.value().eval(vars, locals, i, t);
            if (s.local()) {
                locals[s.slot()] = value;
            } else {
                vars[s.slot()][i] = (float) value;
            }
        }
    }
}
