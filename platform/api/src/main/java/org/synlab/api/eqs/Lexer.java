package org.synlab.api.eqs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a model text into tokens. {@code #} starts a comment. A line break is a token only outside
 * parentheses, so a long right-hand side may continue on the next line inside parentheses.
 */
final class Lexer {

    private static final String[] SYMBOLS = {
        "**", "+=", "-=", "*=", "/=", "<=", ">=", "==", "!=", "&&", "||",
        "(", ")", "+", "-", "*", "/", "^", "<", ">", "=", "!", ":", ";", ","
    };

    private final String where;
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    Lexer(String where, String src) {
        this.where = where;
        this.src = src == null ? "" : src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                if (depth == 0) {
                    out.add(new Token(Token.Kind.NEWLINE, "\n", line, column()));
                }
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number());
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(new Token(Token.Kind.NAME, src.substring(start, pos), line, start - lineStart + 1));
            } else {
                out.add(symbol());
            }
        }
        out.add(new Token(Token.Kind.END, "", line, column()));
        return out;
    }

    private Token number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        int col = start - lineStart + 1;
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EquationException(where, line, col, "malformed number '" + text + "'");
        }
        return new Token(Token.Kind.NUMBER, text, line, col);
    }

    private Token symbol() {
        int col = column();
        for (String s : SYMBOLS) {
            if (src.startsWith(s, pos)) {
                pos += s.length();
                if (s.equals("(")) {
                    depth++;
                } else if (s.equals(")") && depth > 0) {
                    depth--;
                }
                return new Token(Token.Kind.SYMBOL, s, line, col);
            }
        }
        throw new EquationException(where, line, col, "unexpected character '" + src.charAt(pos) + "'");
    }

    private int column() {
        return pos - lineStart + 1;
    }
}
