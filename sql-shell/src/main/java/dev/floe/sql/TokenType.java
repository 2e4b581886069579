package dev.floe.sql;

/** The kinds of {@link Token} the {@link SqlLexer} produces. */
public enum TokenType {
    /** An unquoted name that is not a reserved word; its value is folded to lower case. */
    IDENTIFIER,
    /** A {@code "quoted name"}; its value keeps its case, with {@code ""} unescaped. */
    QUOTED_IDENTIFIER,
    /** A reserved word (SELECT, FROM, AND, ...); its value is the word in upper case. */
    KEYWORD,
    /** A {@code 'string'} literal; its value has {@code ''} unescaped. */
    STRING,
    /** Digits only: {@code 42}. */
    INTEGER,
    /** A number with a point or an exponent: {@code 1.5}, {@code .5}, {@code 1e3}. */
    DECIMAL,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT,
    /** {@code ||}, string concatenation. */
    CONCAT,
    LEFT_PAREN, RIGHT_PAREN, COMMA, SEMICOLON, DOT, LEFT_BRACKET, RIGHT_BRACKET, LEFT_BRACE, RIGHT_BRACE, COLON,
    /** The end of the text; always the last token. */
    EOF
}
