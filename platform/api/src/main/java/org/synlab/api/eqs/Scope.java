package org.synlab.api.eqs;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names a model's expressions may use, with their dimensions; any other name must be a unit. */
final class Scope {

    /** What a name stands for. */
    enum Kind {
        /** A per-neuron value: a state variable, or a declared variable without an equation. */
        VARIABLE,
        /** A named right-hand side, substituted where it is used. */
        SUBEXPRESSION,
        /** A parameter shared by the population, bound to a number when the program is built. */
        CONSTANT,
        /** {@code t}, {@code dt}, {@code not_refractory}: supplied by the simulation. */
        BUILTIN
    }

    record Symbol(Kind kind, Dimension dimension) {
    }

    static final String TIME = "t";
    static final String TIME_STEP = "dt";
    static final String NOT_REFRACTORY = "not_refractory";

    private final Map<String, Symbol> symbols = new LinkedHashMap<>();

    Scope() {
        symbols.put(TIME, new Symbol(Kind.BUILTIN, Dimension.TIME));
        symbols.put(TIME_STEP, new Symbol(Kind.BUILTIN, Dimension.TIME));
        symbols.put(NOT_REFRACTORY, new Symbol(Kind.BUILTIN, Dimension.NONE));
    }

    void put(String name, Kind kind, Dimension dimension) {
        symbols.put(name, new Symbol(kind, dimension));
    }

    Symbol get(String name) {
        return symbols.get(name);
    }

    boolean has(String name) {
        return symbols.containsKey(name);
    }

    static boolean reserved(String name) {
        return name.equals(TIME) || name.equals(TIME_STEP) || name.equals(NOT_REFRACTORY)
                || name.equals("and") || name.equals("or") || name.equals("not") || name.startsWith("_");
    }
}
