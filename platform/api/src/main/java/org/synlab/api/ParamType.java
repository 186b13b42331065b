package org.synlab.api;

/** The value types a plugin parameter can have. */
public enum ParamType {
    /** A real number, read with {@link Params#number(String)}. */
    NUMBER("a number"),
    /** A whole number, read with {@link Params#integer(String)}. */
    INTEGER("an integer"),
    /** true or false, read with {@link Params#flag(String)}. */
    BOOLEAN("true or false"),
    /** A string, optionally one of a fixed set, read with {@link Params#text(String)}. */
    TEXT("a string"),
    /** A list of numbers, read with {@link Params#numbers(String)}. */
    NUMBER_LIST("a list of numbers");

    private final String description;

    ParamType(String description) {
        this.description = description;
    }

    /** How an error message names this type: "a number", "true or false"... */
    public String description() {
        return description;
    }
}
