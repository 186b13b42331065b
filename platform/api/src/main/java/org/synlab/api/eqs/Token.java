package org.synlab.api.eqs;

/** One token of a model text, with its 1-based position for error messages. */
record Token(Kind kind, String text, int line, int column) {

    enum Kind { NUMBER, NAME, SYMBOL, NEWLINE, END }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case NEWLINE -> "the end of the line";
            case END -> "the end of the text";
            default -> "'" + text + "'";
        };
    }
}
