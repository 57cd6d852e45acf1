package io.ztix.operator.zerotier.rules;

/** A rules script the compiler cannot translate, with the line and column (both from 1) of the offending token. */
public final class RulesSyntaxException extends IllegalArgumentException {

    private final int line;
    private final int column;

    RulesSyntaxException(Token at, String problem) {
        super("line " + at.line() + " column " + at.column() + " ('" + at.text() + "'): " + problem);
        this.line = at.line();
        this.column = at.column();
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
