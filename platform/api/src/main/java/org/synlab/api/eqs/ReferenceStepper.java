package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synlab.api.expr.Expr;

/**
 * Runs a {@link NeuronProgram} for a population in double precision, one neuron after another,
 * exactly as its documentation says: the ground truth that tests and generated code are compared
 * with. Not fast: each expression is a tree of small closures over a register array. With
 * {@code float32} storage every variable, local, {@code t} and {@code dt} is rounded to float after
 * each assignment, as a float backend stores them (each expression is still evaluated in double),
 * which shows what float32 costs a model.
 */
public final class ReferenceStepper {

    /** An expression compiled to read its operands from registers. */
    @FunctionalInterface
    private interface Op {
        double eval(double[] r);
    }

    private static final int TIME = 0;
    private static final int TIME_STEP = 1;
    private static final int FIRST_VARIABLE = 2;

    private final NeuronProgram program;
    private final int neurons;
    private final double dt;
    private final double[][] values;
    private final Map<String, Integer> registers = new HashMap<>();
    private final double[] r;
    private final Op[] update;
    private final int[] updateTargets;
    private final Op threshold;
    private final Op[] reset;
    private final int[] resetTargets;
    private final boolean float32;
    private long steps;

    /**
     * @param program  what to run
     * @param neurons  how many neurons, all starting at the program's initial values
     * @param dt       the time step in seconds
     */
    public ReferenceStepper(NeuronProgram program, int neurons, double dt) {
        this(program, neurons, dt, false);
    }

    /**
     * @param program  what to run
     * @param neurons  how many neurons, all starting at the program's initial values
     * @param dt       the time step in seconds
     * @param float32  round every stored value to float, as a float32 backend does
     */
    public ReferenceStepper(NeuronProgram program, int neurons, double dt, boolean float32) {
        this.program = program;
        this.neurons = neurons;
        this.float32 = float32;
        this.dt = float32 ? (float) dt : dt;
        List<Variable> vars = program.variables();
        values = new double[vars.size()][neurons];
        registers.put(Scope.TIME, TIME);
        registers.put(Scope.TIME_STEP, TIME_STEP);
        for (int v = 0; v < vars.size(); v++) {
            registers.put(vars.get(v).name(), FIRST_VARIABLE + v);
            java.util.Arrays.fill(values[v], round(vars.get(v).initial()));
        }
        update = new Op[program.update().size()];
        updateTargets = new int[update.length];
        compile(program.update(), update, updateTargets);
        threshold = compile(program.threshold());
        reset = new Op[program.reset().size()];
        resetTargets = new int[reset.length];
        compile(program.reset(), reset, resetTargets);
        r = new double[registers.size()];
    }

    private void compile(List<Assignment> statements, Op[] ops, int[] targets) {
        for (int i = 0; i < ops.length; i++) {
            Assignment a = statements.get(i);
            ops[i] = compile(a.value());
            Integer target = registers.get(a.target());
            if (target == null) {
                if (!a.local()) {
                    throw new IllegalArgumentException("assignment to unknown variable '" + a.target() + "'");
                }
                target = registers.size();
                registers.put(a.target(), target);
            }
            targets[i] = target;
        }
    }

    private Op compile(Expr e) {
        return switch (e) {
            case Expr.Num n -> {
                double value = n.value();
                yield reg -> value;
            }
            case Expr.Var v -> {
                Integer index = registers.get(v.name());
                if (index == null) {
                    throw new IllegalArgumentException("expression reads '" + v.name() + "', which is neither a variable, "
                            + "an earlier local, t nor dt");
                }
                int i = index;
                yield reg -> reg[i];
            }
            case Expr.Unary u -> {
                Op a = compile(u.operand());
                Expr.UnaryOp op = u.op();
                yield reg -> op.apply(a.eval(reg));
            }
            case Expr.Binary b -> {
                Op x = compile(b.left());
                Op y = compile(b.right());
                yield switch (b.op()) {
                    case ADD -> reg -> x.eval(reg) + y.eval(reg);
                    case SUB -> reg -> x.eval(reg) - y.eval(reg);
                    case MUL -> reg -> x.eval(reg) * y.eval(reg);
                    case DIV -> reg -> x.eval(reg) / y.eval(reg);
                    default -> {
                        Expr.BinaryOp op = b.op();
                        yield reg -> op.apply(x.eval(reg), y.eval(reg));
                    }
                };
            }
            case Expr.Call c -> {
                Op[] args = c.args().stream().map(this::compile).toArray(Op[]::new);
                Expr.Function f = c.function();
                yield switch (f) {
                    case EXP -> reg -> Math.exp(args[0].eval(reg));
                    default -> reg -> {
                        double[] a = new double[args.length];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = args[k].eval(reg);
                        }
                        return f.apply(a);
                    };
                };
            }
            case Expr.Conditional c -> {
                Op cond = compile(c.condition());
                Op then = compile(c.then());
                Op otherwise = compile(c.otherwise());
                yield reg -> cond.eval(reg) != 0 ? then.eval(reg) : otherwise.eval(reg);
            }
        };
    }

    /** The program it runs. */
    public NeuronProgram program() {
        return program;
    }

    /** The time at the start of the next step, in seconds. */
    public double time() {
        return steps * dt;
    }

    public int neurons() {
        return neurons;
    }

    /** Sets a variable of one neuron (SI units). */
    public void set(String variable, int neuron, double value) {
        values[program.index(variable)][neuron] = round(value);
    }

    /** Sets a variable of every neuron (SI units). */
    public void setAll(String variable, double value) {
        java.util.Arrays.fill(values[program.index(variable)], round(value));
    }

    private double round(double value) {
        return float32 ? (float) value : value;
    }

    /** A variable of one neuron (SI units). */
    public double get(String variable, int neuron) {
        return values[program.index(variable)][neuron];
    }

    /**
     * Advances every neuron by one step: update, threshold, reset.
     *
     * @return the neurons that spiked, in increasing order
     */
    public int[] step() {
        double t = round(time());
        int[] spiked = new int[neurons];
        int count = 0;
        int vars = values.length;
        for (int n = 0; n < neurons; n++) {
            r[TIME] = t;
            r[TIME_STEP] = dt;
            for (int v = 0; v < vars; v++) {
                r[FIRST_VARIABLE + v] = values[v][n];
            }
            for (int i = 0; i < update.length; i++) {
                r[updateTargets[i]] = round(update[i].eval(r));
            }
            if (threshold.eval(r) != 0) {
                spiked[count++] = n;
                for (int i = 0; i < reset.length; i++) {
                    r[resetTargets[i]] = round(reset[i].eval(r));
                }
            }
            for (int v = 0; v < vars; v++) {
                values[v][n] = r[FIRST_VARIABLE + v];
            }
        }
        steps++;
        return java.util.Arrays.copyOf(spiked, count);
    }

    /**
     * Runs for {@code duration} seconds (rounded to whole steps).
     *
     * @return each neuron's spike times in seconds: the time at the start of the step in which it
     *         crossed the threshold, as Brian2 records them
     */
    public List<double[]> run(double duration) {
        List<List<Double>> times = new ArrayList<>();
        for (int n = 0; n < neurons; n++) {
            times.add(new ArrayList<>());
        }
        long count = Math.round(duration / dt);
        for (long s = 0; s < count; s++) {
            double t = time();
            for (int n : step()) {
                times.get(n).add(t);
            }
        }
        return times.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    }
}
