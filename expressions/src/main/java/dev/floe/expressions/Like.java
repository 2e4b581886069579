package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * {@code input [I]LIKE 'pattern' [ESCAPE 'c']}: {@code %} matches any run of characters, {@code _} exactly
 * one character, and the escape character (none unless given) makes the next character literal. The
 * whole string must match. ILIKE ignores case. The pattern is a constant, compiled once per evaluator.
 */
public record Like(Expr input, String pattern, String escape, boolean caseInsensitive) implements Expr {
    public Like {
        requireNonNull(input, "input is null");
        requireNonNull(pattern, "pattern is null");
        if (escape != null && escape.codePointCount(0, escape.length()) != 1) {
            throw new IllegalArgumentException("the ESCAPE of LIKE is one character, not '" + escape + "'");
        }
    }

    @Override
    public String toSql() {
        return "(" + input.toSql() + (caseInsensitive ? " ILIKE " : " LIKE ") + quote(pattern)
                + (escape == null ? "" : " ESCAPE " + quote(escape)) + ")";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
