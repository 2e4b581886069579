package dev.floe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<TokenType> types(String sql) {
        return SqlLexer.tokenize(sql).stream().map(Token::type).collect(Collectors.toList());
    }

    private static List<String> values(String sql) {
        return SqlLexer.tokenize(sql).stream().map(Token::value).collect(Collectors.toList());
    }

    @Test
    void everyOperator() {
        assertEquals(List.of(TokenType.EQ, TokenType.NE, TokenType.NE, TokenType.LT, TokenType.LE, TokenType.GT,
                        TokenType.GE, TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH,
                        TokenType.PERCENT, TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN, TokenType.COMMA,
                        TokenType.SEMICOLON, TokenType.DOT, TokenType.EOF),
                types("= <> != < <= > >= + - * / % ( ) , ; ."));
        assertEquals(List.of(TokenType.LT, TokenType.GT, TokenType.LE, TokenType.EQ, TokenType.EOF), types("< > <= ="));
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.GE, TokenType.INTEGER, TokenType.EOF), types("a>=1"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesFoldToLowerCase() {
        List<Token> tokens = SqlLexer.tokenize("select Value FrOm");
        assertEquals(TokenType.KEYWORD, tokens.get(0).type());
        assertEquals("SELECT", tokens.get(0).value());
        assertEquals(TokenType.IDENTIFIER, tokens.get(1).type());
        assertEquals("value", tokens.get(1).value());
        assertEquals("Value", tokens.get(1).text());
        assertEquals("FROM", tokens.get(2).value());
        assertEquals(TokenType.IDENTIFIER, SqlLexer.tokenize("timestamp").get(0).type());
    }

    @Test
    void quotedIdentifiersKeepCaseAndUnescapeDoubledQuotes() {
        List<Token> tokens = SqlLexer.tokenize("\"Value\" \"a \"\"b\"\"\" \"select\"");
        assertEquals(List.of("Value", "a \"b\"", "select", ""), tokens.stream().map(Token::value).collect(Collectors.toList()));
        assertEquals(TokenType.QUOTED_IDENTIFIER, tokens.get(2).type());
    }

    @Test
    void stringsUnescapeDoubledQuotes() {
        assertEquals(List.of("it's", "", "a\nb", ""), values("'it''s' '' 'a\nb'"));
        assertEquals(TokenType.STRING, SqlLexer.tokenize("''").get(0).type());
    }

    @Test
    void numbers() {
        assertEquals(List.of(TokenType.INTEGER, TokenType.DECIMAL, TokenType.DECIMAL, TokenType.DECIMAL,
                TokenType.DECIMAL, TokenType.DECIMAL, TokenType.EOF), types("1 1.5 .5 1e3 2E-4 7."));
        assertEquals(List.of("1", "1.5", ".5", "1e3", "2E-4", "7.", ""), values("1 1.5 .5 1e3 2E-4 7."));
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.DOT, TokenType.IDENTIFIER, TokenType.EOF), types("t.x"));
    }

    @Test
    void commentsAreSkipped() {
        assertEquals(List.of("SELECT", "a", ""), values("-- leading\nSELECT /* inline\n comment */ a -- trailing"));
        assertEquals(List.of(TokenType.MINUS, TokenType.INTEGER, TokenType.EOF), types("- 1 --1"));
        assertEquals(List.of(TokenType.SLASH, TokenType.IDENTIFIER, TokenType.EOF), types("/ a /**/"));
    }

    @Test
    void everyTokenKnowsItsOffsetLineAndColumn() {
        List<Token> tokens = SqlLexer.tokenize("SELECT a,\n  'x\ny' AS b\r\n\tFROM");
        assertToken(tokens.get(0), 0, 1, 1);
        assertToken(tokens.get(1), 7, 1, 8);
        assertToken(tokens.get(2), 8, 1, 9);
        assertToken(tokens.get(3), 12, 2, 3);
        assertToken(tokens.get(4), 18, 3, 4);
        assertToken(tokens.get(5), 21, 3, 7);
        assertToken(tokens.get(6), 25, 4, 2);
        Token eof = tokens.get(7);
        assertEquals(TokenType.EOF, eof.type());
        assertToken(eof, 29, 4, 6);
    }

    @Test
    void endOfInputSitsRightAfterTheLastToken() {
        assertToken(SqlLexer.tokenize("a  \n\n  -- done\n").get(1), 1, 1, 2);
        assertToken(SqlLexer.tokenize("").get(0), 0, 1, 1);
    }

    private static void assertToken(Token t, int offset, int line, int column) {
        assertEquals(List.of(offset, line, column), List.of(t.offset(), t.line(), t.column()), t.toString());
    }

    @Test
    void errorsPointAtTheOffendingCharacter() {
        assertError("SELECT 'abc", "line 1, column 8: unterminated string: the quote here has no closing quote\n"
                + "SELECT 'abc\n"
                + "       ^");
        assertError("a /* b", "line 1, column 3: unterminated comment: '/*' has no closing '*/'\n"
                + "a /* b\n"
                + "  ^");
        assertError("a\n  # b", "line 2, column 3: unexpected character '#'\n"
                + "  # b\n"
                + "  ^");
        assertError("x = 1e", "line 1, column 5: malformed number '1e': the exponent needs digits, as in 1e3 or 2.5E-4\n"
                + "x = 1e\n"
                + "    ^");
        assertError("12abc", "line 1, column 1: malformed number '12abc'; put a space between a number and a name\n"
                + "12abc\n"
                + "^");
        assertError("a ! b", "line 1, column 3: unexpected character '!'; did you mean '!=' or NOT?\n"
                + "a ! b\n"
                + "  ^");
        assertError("\"\"", "line 1, column 1: empty quoted identifier \"\"; a name needs at least one character\n"
                + "\"\"\n"
                + "^");
        assertError("a `b`", "line 1, column 3: unexpected character '`'; quote names with double quotes: \"my column\"\n"
                + "a `b`\n"
                + "  ^");
    }

    private static void assertError(String sql, String message) {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> SqlLexer.tokenize(sql));
        assertEquals(message, e.getMessage());
    }
}
