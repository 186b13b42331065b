package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A physical dimension as the exponents of the seven SI base units: metre, kilogram, second, ampere,
 * kelvin, mole, candela. {@code volt} is {@code m^2 kg s^-3 A^-1}. Printed with the name of a
 * derived unit where there is one ({@code volt}, {@code siemens}), so error messages read as a
 * neuroscientist writes units.
 */
public record Dimension(int length, int mass, int time, int current, int temperature, int amount, int luminosity) {

    /** Dimensionless: a pure number. */
    public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0, 0);
    public static final Dimension LENGTH = new Dimension(1, 0, 0, 0, 0, 0, 0);
    public static final Dimension MASS = new Dimension(0, 1, 0, 0, 0, 0, 0);
    public static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);
    public static final Dimension CURRENT = new Dimension(0, 0, 0, 1, 0, 0, 0);
    public static final Dimension TEMPERATURE = new Dimension(0, 0, 0, 0, 1, 0, 0);
    public static final Dimension AMOUNT = new Dimension(0, 0, 0, 0, 0, 1, 0);
    public static final Dimension LUMINOSITY = new Dimension(0, 0, 0, 0, 0, 0, 1);

    public static final Dimension VOLTAGE = new Dimension(2, 1, -3, -1, 0, 0, 0);
    public static final Dimension CONDUCTANCE = new Dimension(-2, -1, 3, 2, 0, 0, 0);
    public static final Dimension RESISTANCE = new Dimension(2, 1, -3, -2, 0, 0, 0);
    public static final Dimension CAPACITANCE = new Dimension(-2, -1, 4, 2, 0, 0, 0);
    public static final Dimension FREQUENCY = new Dimension(0, 0, -1, 0, 0, 0, 0);
    public static final Dimension CHARGE = new Dimension(0, 0, 1, 1, 0, 0, 0);
    public static final Dimension POWER = new Dimension(2, 1, -3, 0, 0, 0, 0);
    public static final Dimension ENERGY = new Dimension(2, 1, -2, 0, 0, 0, 0);

    private static final String[] BASE_SYMBOLS = {"m", "kg", "s", "A", "K", "mol", "cd"};

    /** Names tried first when printing; second before hertz so that 1/second prints as hertz only when alone. */
    private static final Map<Dimension, String> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put(VOLTAGE, "volt");
        NAMED.put(CURRENT, "amp");
        NAMED.put(CONDUCTANCE, "siemens");
        NAMED.put(RESISTANCE, "ohm");
        NAMED.put(CAPACITANCE, "farad");
        NAMED.put(TIME, "second");
        NAMED.put(FREQUENCY, "hertz");
        NAMED.put(LENGTH, "metre");
        NAMED.put(MASS, "kilogram");
        NAMED.put(CHARGE, "coulomb");
        NAMED.put(POWER, "watt");
        NAMED.put(ENERGY, "joule");
        NAMED.put(TEMPERATURE, "kelvin");
        NAMED.put(AMOUNT, "mole");
        NAMED.put(LUMINOSITY, "candela");
    }

    static Dimension of(int[] e) {
        return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
    }

    int[] exponents() {
        return new int[] {length, mass, time, current, temperature, amount, luminosity};
    }

    /** Whether this is a pure number. */
    public boolean isDimensionless() {
        return equals(NONE);
    }

    /** The dimension of a product. */
    public Dimension times(Dimension other) {
        int[] a = exponents();
        int[] b = other.exponents();
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return of(a);
    }

    /** The dimension of a quotient. */
    public Dimension divide(Dimension other) {
        return times(other.power(-1));
    }

    /** The dimension of the {@code n}-th power. */
    public Dimension power(int n) {
        int[] a = exponents();
        for (int i = 0; i < a.length; i++) {
            a[i] *= n;
        }
        return of(a);
    }

    /** The {@code n}-th root, or {@code null} when an exponent is not a multiple of {@code n}. */
    public Dimension root(int n) {
        int[] a = exponents();
        for (int i = 0; i < a.length; i++) {
            if (a[i] % n != 0) {
                return null;
            }
            a[i] /= n;
        }
        return of(a);
    }

    /** {@code volt}, {@code volt/second}, {@code siemens/metre^2}, or base units such as {@code m^3 kg s^-2}; {@code 1} when dimensionless. */
    @Override
    public String toString() {
        if (isDimensionless()) {
            return "1";
        }
        String named = NAMED.get(this);
        if (named != null) {
            return named;
        }
        for (Map.Entry<Dimension, String> e : NAMED.entrySet()) {
            for (int k : new int[] {2, 3, -1, -2, -3}) {
                if (equals(e.getKey().power(k))) {
                    return e.getValue() + "^" + k;
                }
            }
        }
        // a named unit per second or per area covers the rates and densities of neuron models
        for (Map.Entry<Dimension, String> e : NAMED.entrySet()) {
            for (int k : new int[] {1, 2}) {
                if (divide(e.getKey()).equals(TIME.power(-k))) {
                    return e.getValue() + "/second" + (k == 1 ? "" : "^" + k);
                }
                if (divide(e.getKey()).equals(LENGTH.power(-k))) {
                    return e.getValue() + "/metre" + (k == 1 ? "" : "^" + k);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        int[] a = exponents();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                parts.add(BASE_SYMBOLS[i] + (a[i] == 1 ? "" : "^" + a[i]));
            }
        }
        return String.join(" ", parts);
    }
}
