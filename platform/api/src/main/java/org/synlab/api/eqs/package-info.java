/**
 * Spiking neuron models declared by their equations, in Brian2's syntax, with physical units.
 *
 * <p>A {@link org.synlab.api.eqs.SpikingModel} holds the text of a model (equations, threshold,
 * reset, refractory period, parameters with units and defaults); building it parses the text and
 * checks every unit, rejecting a bad model with an {@link org.synlab.api.eqs.EquationException}
 * that names the line and column. {@link org.synlab.api.eqs.SpikingModel#program} binds parameter
 * values and integrates the equations (Euler, RK2, RK4, exponential Euler) into a
 * {@link org.synlab.api.eqs.NeuronProgram}: plain per-step assignments as
 * {@link org.synlab.api.expr.Expr} trees over SI values, which a backend compiles and which
 * {@link org.synlab.api.eqs.ReferenceStepper} runs in double precision as the reference.
 *
 * <p>Units are {@link org.synlab.api.eqs.Dimension}s (seven SI exponents) with a scale; all values
 * inside a program are SI (volt, second, siemens...), never milli- or nano-.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api.eqs;
