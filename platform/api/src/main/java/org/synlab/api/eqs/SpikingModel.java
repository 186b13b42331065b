package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.expr.Expr;
import org.synlab.api.expr.Expr.Binary;
import org.synlab.api.expr.Expr.BinaryOp;
import org.synlab.api.expr.Expr.Num;
import org.synlab.api.expr.Expr.Var;

/**
 * A spiking neuron model declared by its equations, in Brian2's syntax:
 *
 * <pre>{@code
 * SpikingModel lif = SpikingModel.builder("lif")
 *     .equations("""
 *         dv/dt = (El - v + R*I)/tau_m : volt (unless refractory)
 *         I : amp
 *         """)
 *     .threshold("v > vt")
 *     .reset("v = vr")
 *     .refractory("2 ms")
 *     .parameter("El", "-65 mV", "resting potential")
 *     ...
 *     .initial("v", "El")
 *     .method("exponential_euler")
 *     .build();
 * NeuronProgram program = lif.program(Map.of("tau_m", "10 ms"));
 * }</pre>
 *
 * <p>Building parses every text and checks every unit; a model that builds also integrates with its
 * method and its default parameters. A parameter that is also declared in the equations without an
 * equation ({@code a : 1}) is per neuron, with the parameter's value as its default; any other
 * parameter is one constant for the population, folded into the program.
 */
public final class SpikingModel {

    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*\\*?\\s*(.*)$");

    private final String name;
    private final Method method;
    private final Map<String, Parser.EquationLine> lines;
    private final List<String> states;
    private final List<String> declared;
    private final Map<String, Dimension> dimensions;
    private final Map<String, Expr> rhs;
    private final Map<String, Expr> subexpressions;
    private final Set<String> frozen;
    private final Map<String, Parameter> parameters;
    private final Expr threshold;
    private final List<Reset> reset;
    private final Expr refractory;
    private final boolean refractoryCondition;
    private final Map<String, Expr> initial;
    private final String equationsText;

    /** One reset statement, {@code target op value}, checked and lowered. */
    record Reset(String target, String op, Expr value) {
    }

    private SpikingModel(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.equationsText = b.equations;
        this.method = Method.byId(b.method).orElseThrow(() -> new EquationException("method", 1, 1,
                "unknown integration method '" + b.method + "'; known: " + String.join(", ", Method.ids())));

        // equations: names and declared units
        lines = new LinkedHashMap<>();
        dimensions = new LinkedHashMap<>();
        states = new ArrayList<>();
        declared = new ArrayList<>();
        for (Parser.EquationLine line : new Parser("equations", b.equations).equations()) {
            Token at = line.name();
            String n = at.text();
            if (Scope.reserved(n)) {
                throw new EquationException("equations", at.line(), at.column(), "'" + n + "' is a reserved name");
            }
            if (lines.containsKey(n)) {
                throw new EquationException("equations", at.line(), at.column(), "'" + n
                        + "' is declared twice (first on line " + lines.get(n).name().line() + ")");
            }
            if (line.flags().contains("unless refractory") && line.kind() != Parser.EquationLine.Kind.DIFFERENTIAL) {
                throw new EquationException("equations", at.line(), at.column(),
                        "only a differential equation can be '(unless refractory)'");
            }
            lines.put(n, line);
            dimensions.put(n, Quantity.evaluate("equations", line.unit()).dimension());
            switch (line.kind()) {
                case DIFFERENTIAL -> states.add(n);
                case DECLARATION -> declared.add(n);
                default -> { }
            }
        }
        if (states.isEmpty()) {
            throw new EquationException("equations", 1, 1, "a spiking model needs at least one differential equation");
        }

        parameters = new LinkedHashMap<>();
        for (String[] p : b.parameters) {
            if (parameters.put(p[0], parameter(p[0], p[1], p[2])) != null) {
                throw new EquationException("parameter " + p[0], 1, 1, "parameter '" + p[0] + "' is declared twice");
            }
        }

        Scope scope = new Scope();
        lines.forEach((n, line) -> scope.put(n, line.kind() == Parser.EquationLine.Kind.SUBEXPRESSION
                ? Scope.Kind.SUBEXPRESSION : Scope.Kind.VARIABLE, dimensions.get(n)));
        parameters.values().stream().filter(p -> !p.perNeuron())
                .forEach(p -> scope.put(p.name(), Scope.Kind.CONSTANT, p.defaultValue().dimension()));

        checkEquations(scope);
        Lowering lowering = new Lowering(scope);
        rhs = new LinkedHashMap<>();
        subexpressions = new LinkedHashMap<>();
        frozen = new LinkedHashSet<>();
        lines.forEach((n, line) -> {
            if (line.kind() == Parser.EquationLine.Kind.DIFFERENTIAL) {
                rhs.put(n, lowering.lower(line.rhs()));
                if (line.flags().contains("unless refractory")) {
                    frozen.add(n);
                }
            } else if (line.kind() == Parser.EquationLine.Kind.SUBEXPRESSION) {
                subexpressions.put(n, lowering.lower(line.rhs()));
            }
        });
        checkCycles();

        threshold = lowering.lower(checkThreshold(b.threshold, scope));
        reset = checkReset(b.reset, scope, lowering);
        Node period = b.refractory == null ? null : checkRefractory(b.refractory, scope);
        refractory = period == null ? null : lowering.lower(period);
        refractoryCondition = period != null && isCondition(period);
        initial = new LinkedHashMap<>();
        b.initial.forEach((v, text) -> initial.put(v, lowering.lower(checkInitial(v, text, scope))));

        // integrating once with the defaults finds what only integration can (exponential Euler's linearity)
        program(Map.of());
    }

    /** Starts the declaration of a model called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private Parameter parameter(String n, String defaultText, String description) {
        String where = "parameter " + n;
        if (Scope.reserved(n)) {
            throw new EquationException(where, 1, 1, "'" + n + "' is a reserved name");
        }
        Quantity q = Quantity.parse(where, defaultText);
        Matcher m = LEADING_NUMBER.matcher(defaultText);
        String unit = m.matches() && !m.group(3).isBlank() ? m.group(3).strip() : "1";
        if (!m.matches()) {
            // a bare unit such as "mV" means one of it
            unit = defaultText.strip();
        }
        double scale = unit.equals("1") ? 1 : Quantity.parse(where, unit).value();
        Parser.EquationLine line = lines.get(n);
        boolean perNeuron = false;
        if (line != null) {
            if (line.kind() != Parser.EquationLine.Kind.DECLARATION) {
                throw new EquationException(where, 1, 1, "'" + n + "' has an equation (line " + line.name().line()
                        + "); give a state variable's start value with initial(), not as a parameter");
            }
            if (!dimensions.get(n).equals(q.dimension())) {
                throw new EquationException(where, 1, 1, "'" + n + "' is declared in " + dimensions.get(n)
                        + " on line " + line.name().line() + " but its default '" + defaultText + "' is in " + q.dimension());
            }
            perNeuron = true;
        }
        return new Parameter(n, q, unit, scale, description == null ? "" : description, perNeuron);
    }

    private void checkEquations(Scope scope) {
        DimensionChecker checker = new DimensionChecker("equations", scope);
        lines.forEach((n, line) -> {
            if (line.rhs() == null) {
                return;
            }
            Dimension got = checker.dimension(line.rhs());
            boolean differential = line.kind() == Parser.EquationLine.Kind.DIFFERENTIAL;
            Dimension expected = differential ? dimensions.get(n).divide(Dimension.TIME) : dimensions.get(n);
            if (!got.equals(expected)) {
                Token at = DimensionChecker.first(line.rhs());
                throw new EquationException("equations", at.line(), at.column(), differential
                        ? "the right-hand side of d" + n + "/dt is in " + got + ", expected " + expected
                                + " (" + dimensions.get(n) + " per second)"
                        : "'" + n + "' is declared in " + expected + " but its expression is in " + got);
            }
        });
    }

    private void checkCycles() {
        for (String n : subexpressions.keySet()) {
            List<String> path = new ArrayList<>();
            path.add(n);
            findCycle(n, path);
        }
    }

    private void findCycle(String n, List<String> path) {
        for (String v : subexpressions.get(n).variables()) {
            if (!subexpressions.containsKey(v)) {
                continue;
            }
            if (v.equals(path.get(0))) {
                Token at = lines.get(path.get(0)).name();
                throw new EquationException("equations", at.line(), at.column(), "'" + v + "' depends on itself: "
                        + String.join(" -> ", path) + " -> " + v);
            }
            if (!path.contains(v)) {
                path.add(v);
                findCycle(v, path);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Node checkThreshold(String text, Scope scope) {
        if (text == null) {
            throw new EquationException("threshold", 1, 1, "a spiking model needs a threshold such as 'v > vt'");
        }
        Node node = new Parser("threshold", text).singleExpression();
        Dimension d = new DimensionChecker("threshold", scope).dimension(node);
        if (!isCondition(node) || !d.isDimensionless()) {
            Token at = DimensionChecker.first(node);
            throw new EquationException("threshold", at.line(), at.column(),
                    "the threshold must be a condition such as 'v > vt', got a value in " + d);
        }
        return node;
    }

    private List<Reset> checkReset(String text, Scope scope, Lowering lowering) {
        List<Reset> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        DimensionChecker checker = new DimensionChecker("reset", scope);
        for (Parser.StatementLine s : new Parser("reset", text).statements()) {
            Token at = s.target();
            Scope.Symbol target = scope.get(at.text());
            if (target == null || target.kind() != Scope.Kind.VARIABLE) {
                throw new EquationException("reset", at.line(), at.column(), target == null
                        ? "unknown variable '" + at.text() + "'"
                        : "cannot assign to '" + at.text() + "': only variables declared in the equations can change");
            }
            Parser.EquationLine declared = lines.get(at.text());
            if (declared.flags().contains("constant")) {
                throw new EquationException("reset", at.line(), at.column(),
                        "cannot assign to '" + at.text() + "': it is declared (constant) on line " + declared.name().line());
            }
            Dimension value = checker.dimension(s.value());
            boolean scaling = s.op().equals("*=") || s.op().equals("/=");
            Dimension expected = scaling ? Dimension.NONE : target.dimension();
            if (!value.equals(expected)) {
                Token v = DimensionChecker.first(s.value());
                throw new EquationException("reset", v.line(), v.column(), "units do not agree: " + at.text()
                        + " (" + target.dimension() + ") " + s.op() + " " + value);
            }
            out.add(new Reset(at.text(), s.op(), lowering.lower(s.value())));
        }
        return out;
    }

    private static Node checkRefractory(String text, Scope scope) {
        Node node = new Parser("refractory", text).quantityOrExpression();
        Dimension d = new DimensionChecker("refractory", scope).dimension(node);
        if (!d.equals(Dimension.TIME) && !(d.isDimensionless() && isCondition(node))) {
            Token at = DimensionChecker.first(node);
            throw new EquationException("refractory", at.line(), at.column(),
                    "the refractory period must be a time (second) or a condition such as 'v > -20*mV', got " + d);
        }
        return node;
    }

    private static boolean isCondition(Node node) {
        return node instanceof Node.Unary u && u.op().equals("not")
                || node instanceof Node.Binary bin && !Set.of("+", "-", "*", "/", "**").contains(bin.op());
    }

    private Node checkInitial(String variable, String text, Scope scope) {
        String where = "initial value of " + variable;
        Scope.Symbol symbol = scope.get(variable);
        if (symbol == null || symbol.kind() != Scope.Kind.VARIABLE) {
            throw new EquationException(where, 1, 1, "'" + variable + "' is not a variable of the model");
        }
        Node node = new Parser(where, text).quantityOrExpression();
        Dimension d = new DimensionChecker(where, scope).dimension(node);
        if (!d.equals(symbol.dimension())) {
            Token at = DimensionChecker.first(node);
            throw new EquationException(where, at.line(), at.column(), "'" + variable + "' is in "
                    + symbol.dimension() + " but its initial value is in " + d);
        }
        return node;
    }

    /** The program with the default parameters and the model's method. */
    public NeuronProgram program() {
        return program(Map.of());
    }

    /**
     * Binds parameter values and integrates the equations.
     *
     * @param values parameter values by name: a number is read in the parameter's unit (see
     *               {@link #schema()}), a string is a quantity with its unit ({@code "20 ms"}); the
     *               key {@code method} chooses the integration method. Missing keys take defaults.
     * @throws ParameterException naming an unknown key or a value of the wrong unit
     * @throws EquationException  when the method cannot integrate the equations
     */
    public NeuronProgram program(Map<String, ?> values) {
        Method m = method;
        Map<String, Double> given = new HashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getKey().equals("method")) {
                m = e.getValue() instanceof String s ? Method.byId(s).orElse(null) : null;
                if (m == null) {
                    throw new ParameterException("method", "parameter 'method' must be one of "
                            + String.join(", ", Method.ids()) + ", got " + e.getValue());
                }
                continue;
            }
            Parameter p = parameters.get(e.getKey());
            if (p == null) {
                throw new ParameterException(e.getKey(), "unknown parameter '" + e.getKey() + "' of neuron model "
                        + name + "; known: " + String.join(", ", parameters.keySet()) + ", method");
            }
            given.put(p.name(), convert(p, e.getValue()));
        }
        return new ProgramBuilder(this, m, given).build();
    }

    private static double convert(Parameter p, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() * p.unitScale();
        }
        if (value instanceof String s) {
            Quantity q;
            try {
                q = Quantity.parse(p.name(), s);
            } catch (EquationException e) {
                throw new ParameterException(p.name(), "parameter '" + p.name() + "': " + e.getMessage());
            }
            if (!q.dimension().equals(p.defaultValue().dimension())) {
                throw new ParameterException(p.name(), "parameter '" + p.name() + "' must be in "
                        + p.defaultValue().dimension() + " (e.g. '" + p.defaultInUnit() + " " + p.unit() + "'), got '" + s
                        + "' in " + q.dimension());
            }
            return q.value();
        }
        throw new ParameterException(p.name(), "parameter '" + p.name() + "' must be a number in " + p.unit()
                + " or a quantity such as '" + p.defaultInUnit() + " " + p.unit() + "', got " + value);
    }

    /**
     * The parameters for documentation and listings: numbers in each parameter's unit, plus the
     * integration {@code method}. Experiment values go to {@link #program(Map)}, which also accepts
     * quantity strings.
     */
    public ParamSchema schema() {
        ParamSchema.Builder b = ParamSchema.builder();
        for (Parameter p : parameters.values()) {
            b.number(p.name(), p.defaultInUnit(), p.unit(), null, null,
                    p.description() + (p.perNeuron() ? " (per neuron)" : ""));
        }
        b.text("method", method.id(), Method.ids(), "integration method");
        return b.build();
    }

    /** The model's name, e.g. {@code lif}. */
    public String name() {
        return name;
    }

    /** The default integration method. */
    public Method method() {
        return method;
    }

    /** The parameters in declaration order. */
    public List<Parameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /** The variables with a differential equation, in declaration order. */
    public List<String> stateVariables() {
        return List.copyOf(states);
    }

    /** The unit of a variable or subexpression of the equations. */
    public Dimension dimension(String variable) {
        Dimension d = dimensions.get(variable);
        if (d == null) {
            throw new IllegalArgumentException("model " + name + " declares no '" + variable + "'");
        }
        return d;
    }

    /** The equations as declared. */
    public String equations() {
        return equationsText;
    }

    // ---- for ProgramBuilder ----

    List<String> states() {
        return states;
    }

    List<String> declared() {
        return declared;
    }

    Map<String, Expr> rhs() {
        return rhs;
    }

    Map<String, Expr> subexpressions() {
        return subexpressions;
    }

    Set<String> frozen() {
        return frozen;
    }

    Map<String, Parameter> parameterMap() {
        return parameters;
    }

    Expr threshold() {
        return threshold;
    }

    List<Reset> reset() {
        return reset;
    }

    Expr refractory() {
        return refractory;
    }

    /** Whether the refractory period is a condition (refractory while it holds) rather than a time. */
    boolean refractoryCondition() {
        return refractoryCondition;
    }

    Map<String, Expr> initial() {
        return initial;
    }

    Token nameToken(String variable) {
        return lines.get(variable).name();
    }

    /** Declares a model; {@link #build()} checks it. */
    public static final class Builder {
        private final String name;
        private String equations;
        private String threshold;
        private String reset;
        private String refractory;
        private String method = Method.EULER.id();
        private final List<String[]> parameters = new ArrayList<>();
        private final Map<String, String> initial = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The equations, one per line (a line may continue inside parentheses); {@code #} comments. */
        public Builder equations(String text) {
            this.equations = text;
            return this;
        }

        /** The spike condition, e.g. {@code v > vt}. */
        public Builder threshold(String condition) {
            this.threshold = condition;
            return this;
        }

        /** Statements run after a spike, separated by {@code ;} or line breaks, e.g. {@code v = vr; w += b}. */
        public Builder reset(String statements) {
            this.reset = statements;
            return this;
        }

        /**
         * The refractory period: a quantity ({@code 5 ms}) or an expression in seconds ({@code tau_ref}),
         * evaluated at the spike; or, as in Brian2, a condition ({@code v > -20*mV}): refractory from the
         * spike until the condition, checked at the start of each step, no longer holds. Equations
         * flagged {@code (unless refractory)} are frozen during it, and the neuron cannot spike again
         * before it ends.
         */
        public Builder refractory(String period) {
            this.refractory = period;
            return this;
        }

        /** The default integration method: {@code euler} (the default), {@code rk2}, {@code rk4}, {@code exponential_euler}. */
        public Builder method(String id) {
            this.method = id;
            return this;
        }

        /**
         * A parameter with its default as a quantity, e.g. {@code "20 ms"}; its unit is the one plain
         * numbers in experiment files are read in.
         */
        public Builder parameter(String name, String defaultValue, String description) {
            parameters.add(new String[] {name, defaultValue, description});
            return this;
        }

        /** The start value of a variable: a quantity or an expression of parameters and earlier variables. */
        public Builder initial(String variable, String value) {
            initial.put(variable, value);
            return this;
        }

        /**
         * Parses and checks the model.
         *
         * @throws EquationException at the first error, with its line and column
         */
        public SpikingModel build() {
            return new SpikingModel(this);
        }
    }

    @Override
    public String toString() {
        return "SpikingModel " + name;
    }

    static Expr notRefractory(boolean refractory) {
        return refractory ? new Binary(BinaryOp.LE, new Var(NeuronProgram.REFRACTORY), new Num(0)) : new Num(1);
    }
}
