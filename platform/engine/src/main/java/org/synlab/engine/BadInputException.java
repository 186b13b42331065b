package org.synlab.engine;

import java.nio.file.Path;

/**
 * Input that a run cannot start from: a missing or malformed file, an unknown key or plugin name, a
 * parameter of the wrong type or out of range. The message names the file and the dotted key, and
 * says what was expected. The CLI exits with code 2 on it.
 */
public class BadInputException extends Exception {

    private final Path file;
    private final String key;

    public BadInputException(Path file, String key, String problem) {
        super(format(file, key, problem));
        this.file = file;
        this.key = key;
    }

    public BadInputException(Path file, String key, String problem, Throwable cause) {
        this(file, key, problem);
        initCause(cause);
    }

    private static String format(Path file, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "(no file)" : file.toString());
        if (key != null && !key.isEmpty()) {
            sb.append(": ").append(key);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The experiment file, or null when the input was not a file. */
    public Path file() {
        return file;
    }

    /** The dotted key at fault, or null when the whole file is (missing, malformed). */
    public String key() {
        return key;
    }
}
