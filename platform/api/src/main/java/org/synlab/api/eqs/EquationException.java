package org.synlab.api.eqs;

/**
 * A model text that does not parse, names something unknown, or whose units do not agree. The
 * message reads {@code line 1, column 17: units do not agree: volt + amp}, prefixed by the part of
 * the model it is in ({@code threshold: ...}) when that is not the equations.
 */
public class EquationException extends IllegalArgumentException {

    private final String where;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param where   which text of the model ("equations", "threshold", "reset", "refractory", a
     *                parameter's name...), or empty
     * @param line    1-based line in that text
     * @param column  1-based column in that line
     * @param problem what is wrong, without the position
     */
    public EquationException(String where, int line, int column, String problem) {
        super((where == null || where.isEmpty() || where.equals("equations") ? "" : where + ": ")
                + "line " + line + ", column " + column + ": " + problem);
        this.where = where == null ? "" : where;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The same error attributed to another part of the model. */
    EquationException in(String otherWhere) {
        EquationException e = new EquationException(otherWhere, line, column, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public String where() {
        return where;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
