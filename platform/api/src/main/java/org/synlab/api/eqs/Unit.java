package org.synlab.api.eqs;

/**
 * A named unit: {@code mV} is {@code 0.001} of the SI unit of {@link Dimension#VOLTAGE}.
 *
 * @param name      as written, e.g. {@code "mV"} or {@code "msiemens"}
 * @param scale     the SI value of one of this unit
 * @param dimension its physical dimension
 */
public record Unit(String name, double scale, Dimension dimension) {
}
