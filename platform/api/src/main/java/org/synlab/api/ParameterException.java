package org.synlab.api;

/**
 * A parameter value that a plugin part cannot accept. Carries the key and what was expected, so the
 * host can name the file and the full dotted key in its message.
 */
public class ParameterException extends IllegalArgumentException {

    private final String key;

    public ParameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The parameter's key, relative to the part it belongs to. */
    public String key() {
        return key;
    }
}
