package dev.floe.sql;

import static java.util.Objects.requireNonNull;

/**
 * One token of a SQL statement.
 *
 * @param type   what kind of token
 * @param text   the characters of the statement it was read from, exactly as written
 * @param value  the name of an identifier (folded to lower case unless quoted), the upper-case word of a
 *               keyword, the unescaped contents of a string literal; otherwise equal to {@code text}
 * @param offset 0-based offset of its first character in the statement
 * @param line   1-based line of its first character
 * @param column 1-based column of its first character
 */
public record Token(TokenType type, String text, String value, int offset, int line, int column) {
    public Token {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
    }

    /** The offset just past its last character. */
    public int end() {
        return offset + text.length();
    }

    public boolean isKeyword(String word) {
        return type == TokenType.KEYWORD && value.equals(word);
    }

    /** An identifier, quoted or not. */
    public boolean isName() {
        return type == TokenType.IDENTIFIER || type == TokenType.QUOTED_IDENTIFIER;
    }

    /** How an error message names this token: {@code 'WHERE'}, or {@code end of input}. */
    public String describe() {
        if (type == TokenType.EOF) {
            return "end of input";
        }
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown + "'";
    }
}
