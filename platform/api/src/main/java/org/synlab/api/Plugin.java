package org.synlab.api;

/**
 * What every plugin part has: the name experiment files use, a one-line description, and the
 * schema of the parameters it accepts.
 */
public interface Plugin {

    /** Unique within its kind, lower-case with dashes, e.g. {@code "leaky-relu"}. */
    String name();

    /** One line for {@code synlab plugins}. */
    String description();

    /** Parameters this part accepts, with defaults, units and ranges. Empty by default. */
    default ParamSchema parameters() {
        return ParamSchema.EMPTY;
    }
}
