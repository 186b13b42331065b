package org.synlab.api.expr;

/** An expression that does not parse; carries the 1-based column of the error. */
public class ExprSyntaxException extends IllegalArgumentException {

    private final String source;
    private final int column;

    public ExprSyntaxException(String source, int column, String problem) {
        super(problem + " at column " + column + " of '" + source + "'");
        this.source = source;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int column() {
        return column;
    }
}
