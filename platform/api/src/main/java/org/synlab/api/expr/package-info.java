/**
 * Elementwise expressions: how neuron models, losses and learning rules describe arithmetic so that
 * every backend can compile it (the Brian2/GeNN idea).
 *
 * <p>Syntax: numbers, variables, {@code + - * / ^}, comparisons ({@code < <= > >= == !=}, giving 1 or
 * 0), {@code && || !}, {@code cond ? a : b}, and the functions {@code exp log sqrt abs tanh sin cos
 * floor min max pow clip(x, lo, hi)}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.synlab.api.expr;
