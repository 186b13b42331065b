package org.synlab.api.eqs;

/**
 * A parameter of a spiking model, with its default.
 *
 * @param name         as used in the equations and in experiment files
 * @param defaultValue the default, in SI
 * @param unit         the unit a plain number in an experiment file is read in, as written in the
 *                     default ({@code "ms"} for {@code "20 ms"}, {@code "1"} for a pure number)
 * @param unitScale    the SI value of one {@code unit}
 * @param description  one line for documentation
 * @param perNeuron    declared in the equations too ({@code a : 1}): then each neuron has its own
 *                     value, and this is its default; otherwise one value shared by the population
 */
public record Parameter(String name, Quantity defaultValue, String unit, double unitScale, String description,
                        boolean perNeuron) {

    /** The default expressed in {@link #unit()}. */
    public double defaultInUnit() {
        return defaultValue.value() / unitScale;
    }
}
