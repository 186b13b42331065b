package org.synlab.api.eqs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unit names of Brian2: SI base and derived units in long ({@code volt}, {@code siemens}) and
 * short ({@code V}, {@code S}) spelling, each with the prefixes f p n u m c d k M G ({@code mV},
 * {@code nsiemens}, {@code uF}, {@code Mohm}), and squared or cubed lengths ({@code cm2}, {@code um3}).
 */
public final class Units {

    private static final Map<String, Unit> BY_NAME = new HashMap<>();

    private static final String[] PREFIXES = {"f", "p", "n", "u", "m", "c", "d", "k", "M", "G"};
    private static final double[] PREFIX_SCALES = {1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1e-2, 1e-1, 1e3, 1e6, 1e9};

    static {
        base(1, Dimension.LENGTH, true, "metre", "meter", "m");
        base(1e-3, Dimension.MASS, false, "gram", "gramme", "g");
        base(1, Dimension.TIME, false, "second", "s");
        base(1, Dimension.CURRENT, false, "amp", "ampere", "A");
        base(1, Dimension.TEMPERATURE, false, "kelvin", "K");
        base(1, Dimension.AMOUNT, false, "mole", "mol");
        base(1, Dimension.LUMINOSITY, false, "candela", "cd");
        base(1, Dimension.VOLTAGE, false, "volt", "V");
        base(1, Dimension.CONDUCTANCE, false, "siemens", "S");
        base(1, Dimension.RESISTANCE, false, "ohm");
        base(1, Dimension.CAPACITANCE, false, "farad", "F");
        base(1, Dimension.FREQUENCY, false, "hertz", "Hz");
        base(1, Dimension.CHARGE, false, "coulomb", "C");
        base(1, Dimension.POWER, false, "watt", "W");
        base(1, Dimension.ENERGY, false, "joule", "J");
    }

    private Units() {
    }

    /** Registers the plain names first, so that a prefixed spelling never shadows a plain one. */
    private static void base(double scale, Dimension dim, boolean powers, String... names) {
        for (String n : names) {
            add(n, scale, dim, powers);
        }
        for (int p = 0; p < PREFIXES.length; p++) {
            for (String n : names) {
                add(PREFIXES[p] + n, scale * PREFIX_SCALES[p], dim, powers);
            }
        }
    }

    private static void add(String name, double scale, Dimension dim, boolean powers) {
        BY_NAME.putIfAbsent(name, new Unit(name, scale, dim));
        if (powers) {
            BY_NAME.putIfAbsent(name + "2", new Unit(name + "2", scale * scale, dim.power(2)));
            BY_NAME.putIfAbsent(name + "3", new Unit(name + "3", scale * scale * scale, dim.power(3)));
        }
    }

    /** The unit called {@code name}, if there is one. */
    public static Optional<Unit> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether {@code name} is a unit name (model variables shadow units of the same name). */
    public static boolean isUnit(String name) {
        return BY_NAME.containsKey(name);
    }
}
