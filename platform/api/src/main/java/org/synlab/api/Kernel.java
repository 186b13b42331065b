package org.synlab.api;

import java.util.List;

/**
 * An elementwise operation compiled by a backend from an {@link org.synlab.api.expr.Expr}: see
 * {@link Compute#kernel}. Compile once per run, apply every step.
 */
public interface Kernel {

    /** The names of the inputs, in the order {@link Compute#apply} takes the tensors. */
    List<String> inputs();
}
