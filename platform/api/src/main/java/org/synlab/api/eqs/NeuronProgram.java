package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.synlab.api.expr.Expr;

/**
 * A spiking neuron model ready to run: what a backend compiles and the spiking runtime executes,
 * with parameters bound and the equations integrated. All values are SI (volt, second, siemens).
 *
 * <p>One time step, for each neuron, in this order (Brian2's schedule):
 * <ol>
 * <li>run {@link #update()} in order: each {@link Assignment} writes a variable or a local;</li>
 * <li>the neuron spikes if {@link #threshold()} is non-zero;</li>
 * <li>if it spiked, run {@link #reset()} in order;</li>
 * <li>then {@code t += dt}.</li>
 * </ol>
 * The expressions read only the {@link #variables()}, locals assigned before them, and the two
 * scalars {@code t} (the time at the start of the step) and {@code dt} (the step), both in seconds;
 * {@link #withTimeStep(double)} binds {@code dt} and folds what becomes constant. Locals are named
 * {@code _...} ({@code _k1_v}, {@code _c3}) and live for one neuron and one step. Refractoriness is
 * already in the statements (the internal variable {@value #REFRACTORY} counts the steps left, or is
 * 1 while a refractory condition holds; the neuron is free when it is 0), so a backend needs no
 * special case for it. Spikes arriving from synapses are added by the runtime to
 * {@link Variable.Kind#STATE} variables between steps ({@code ge += w}).
 *
 * @param model      the model's name
 * @param method     how the equations were integrated
 * @param variables  the per-neuron arrays, states first, then per-neuron parameters, then internals
 * @param constants  the shared parameters' values, already substituted into the expressions
 * @param update     the statements of one step
 * @param threshold  the spike condition (1 or 0)
 * @param reset      the statements run after a spike
 * @param refractory the refractory period in seconds, or the refractory condition, or {@code null};
 *                   informational, already part of {@code update}, {@code threshold} and {@code reset}
 */
public record NeuronProgram(String model, Method method, List<Variable> variables, Map<String, Double> constants,
                            List<Assignment> update, Expr threshold, List<Assignment> reset, Expr refractory) {

    /** The internal variable that counts the steps left in the refractory period. */
    public static final String REFRACTORY = "_refractory";

    public NeuronProgram {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        variables = List.copyOf(variables);
        constants = Map.copyOf(constants);
        update = List.copyOf(update);
        Objects.requireNonNull(threshold, "threshold");
        reset = List.copyOf(reset);
    }

    /** The variable called {@code name}. */
    public Variable variable(String name) {
        return variables.get(index(name));
    }

    /** The position of the variable called {@code name} in {@link #variables()}. */
    public int index(String name) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("model " + model + " has no variable '" + name + "'; it has "
                + variables.stream().map(Variable::name).toList());
    }

    /**
     * This program with {@code dt} (seconds) substituted and the constants folded; a local that
     * becomes a number (such as {@code exp(-dt/tau)} terms) is folded into the statements that read it,
     * and the constant factors of each update statement are gathered into one (see {@link ConstantFactors}).
     */
    public NeuronProgram withTimeStep(double dt) {
        Map<String, Double> bind = new HashMap<>();
        bind.put(Scope.TIME_STEP, dt);
        List<Assignment> boundUpdate = fold(update, bind);
        Expr boundThreshold = Algebra.simplify(threshold.bind(bind));
        List<Assignment> boundReset = fold(reset, new HashMap<>(Map.of(Scope.TIME_STEP, dt)));
        List<Expr> readers = new ArrayList<>(List.of(boundThreshold));
        boundReset.forEach(a -> readers.add(a.value()));
        return new NeuronProgram(model, method, variables, constants, ConstantFactors.fold(boundUpdate, readers),
                boundThreshold, boundReset, refractory == null ? null : Algebra.simplify(refractory.bind(bind)));
    }

    /** Binds {@code values}, then drops each local that folds to a number and binds it in the statements after it. */
    private static List<Assignment> fold(List<Assignment> statements, Map<String, Double> values) {
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : statements) {
            Expr value = Algebra.simplify(a.value().bind(values));
            if (a.local() && value instanceof Expr.Num n) {
                values.put(a.target(), n.value());
            } else {
                out.add(new Assignment(a.target(), value, a.local()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("model ").append(model).append(" (").append(method.id()).append(")\n");
        variables.forEach(v -> sb.append("  var ").append(v.name()).append(" : ").append(v.dimension())
                .append(" = ").append(v.initial()).append('\n'));
        update.forEach(a -> sb.append("  ").append(a).append('\n'));
        sb.append("  threshold ").append(threshold).append('\n');
        reset.forEach(a -> sb.append("  reset ").append(a).append('\n'));
        return sb.toString();
    }
}
