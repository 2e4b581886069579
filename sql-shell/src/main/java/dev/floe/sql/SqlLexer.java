package dev.floe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a SQL statement into {@link Token}s, each with its offset, line and column.
 *
 * <pre>
 *  names      select  Value  _x1      unquoted: folded to lower case; reserved words become KEYWORD tokens
 *             "Value"  "a""b"         quoted: case kept, "" is one quote; may be a reserved word
 *  strings    'it''s'                 '' is one quote; may span lines
 *  numbers    1  42                   INTEGER (the parser makes a BIGINT, checking the range)
 *             1.5  1.  .5  1e3  2E-4  DECIMAL (the parser makes an exact DECIMAL, or a DOUBLE with an exponent)
 *  operators  = <> != < <= > >= + - * / % ( ) , ; .  [ ] { } :  (lists and maps of read_csv options)
 *  comments   -- to the end of the line,  /* to *&#47;  (not nested)
 * </pre>
 *
 * Errors are {@link SqlSyntaxException}s at the offending character. The last token is always
 * {@link TokenType#EOF}, placed just after the last token (so an error "at the end" points at the end of
 * the statement, not at trailing blank lines).
 */
public final class SqlLexer {
    /** The reserved words: a column or alias with one of these names must be quoted. */
    public static final Set<String> RESERVED = Set.of(
            "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "HAVING", "AND", "OR", "NOT",
            "AS", "ASC", "DESC", "NULL", "TRUE", "FALSE", "IS", "IN", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN",
            "ELSE", "END", "CAST", "DISTINCT", "JOIN", "ON", "UNION", "ALL", "WITH");

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, ending with an EOF token. */
    public static List<Token> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= sql.length()) {
                break;
            }
            int start = pos;
            char c = sql.charAt(pos);
            if (Character.isLetter(c) || c == '_') {
                word(start);
            } else if (c == '"') {
                quotedIdentifier(start);
            } else if (c == '\'') {
                string(start);
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number(start);
            } else {
                operator(start, c);
            }
        }
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        tokens.add(new Token(TokenType.EOF, "", "", end,
                SqlSyntaxException.lineOf(sql, end), SqlSyntaxException.columnOf(sql, end)));
    }

    private void skipWhitespaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n' || c == '\r') {
                newline();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int start = pos;
                pos += 2;
                while (!(peek(0) == '*' && peek(1) == '/')) {
                    if (pos >= sql.length()) {
                        throw new SqlSyntaxException(sql, start, "unterminated comment: '/*' has no closing '*/'");
                    }
                    advanceOne();
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void word(int start) {
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                || sql.charAt(pos) == '$')) {
            pos++;
        }
        String text = sql.substring(start, pos);
        String upper = text.toUpperCase(Locale.ROOT);
        if (RESERVED.contains(upper)) {
            add(TokenType.KEYWORD, start, upper);
        } else {
            add(TokenType.IDENTIFIER, start, text.toLowerCase(Locale.ROOT));
        }
    }

    private void quotedIdentifier(int start) {
        String name = quoted(start, '"', "unterminated quoted identifier: '\"' has no closing '\"'");
        if (name.isEmpty()) {
            throw new SqlSyntaxException(sql, start, "empty quoted identifier \"\"; a name needs at least one character");
        }
        add(TokenType.QUOTED_IDENTIFIER, start, name);
    }

    private void string(int start) {
        add(TokenType.STRING, start, quoted(start, '\'', "unterminated string: the quote here has no closing quote"));
    }

    /** Reads up to the closing {@code quote}, where a doubled quote stands for one; returns the contents. */
    private String quoted(int start, char quote, String unterminated) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw new SqlSyntaxException(sql, start, unterminated);
            }
            char c = sql.charAt(pos);
            if (c == quote) {
                if (peek(1) != quote) {
                    pos++;
                    return value.toString();
                }
                value.append(quote);
                pos += 2;
            } else {
                value.append(c);
                advanceOne();
            }
        }
    }

    private void number(int start) {
        boolean decimal = false;
        skipDigits();
        if (peek(0) == '.') {
            decimal = true;
            pos++;
            skipDigits();
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            decimal = true;
            pos++;
            if (peek(0) == '+' || peek(0) == '-') {
                pos++;
            }
            if (!isDigit(peek(0))) {
                throw new SqlSyntaxException(sql, start, "malformed number '" + sql.substring(start, pos)
                        + "': the exponent needs digits, as in 1e3 or 2.5E-4");
            }
            skipDigits();
        }
        if (Character.isLetter(peek(0)) || peek(0) == '_') {
            int end = pos;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            throw new SqlSyntaxException(sql, start, "malformed number '" + sql.substring(start, end)
                    + "'; put a space between a number and a name");
        }
        add(decimal ? TokenType.DECIMAL : TokenType.INTEGER, start, sql.substring(start, pos));
    }

    private void operator(int start, char c) {
        char next = peek(1);
        TokenType type;
        int length = 1;
        switch (c) {
            case '=': type = TokenType.EQ; break;
            case '<':
                if (next == '>') {
                    type = TokenType.NE;
                    length = 2;
                } else if (next == '=') {
                    type = TokenType.LE;
                    length = 2;
                } else {
                    type = TokenType.LT;
                }
                break;
            case '>':
                type = next == '=' ? TokenType.GE : TokenType.GT;
                length = next == '=' ? 2 : 1;
                break;
            case '!':
                if (next != '=') {
                    throw new SqlSyntaxException(sql, start, "unexpected character '!'; did you mean '!=' or NOT?");
                }
                type = TokenType.NE;
                length = 2;
                break;
            case '|':
                if (next != '|') {
                    throw new SqlSyntaxException(sql, start, "unexpected character '|'; did you mean '||' (concatenation)?");
                }
                type = TokenType.CONCAT;
                length = 2;
                break;
            case '+': type = TokenType.PLUS; break;
            case '-': type = TokenType.MINUS; break;
            case '*': type = TokenType.STAR; break;
            case '/': type = TokenType.SLASH; break;
            case '%': type = TokenType.PERCENT; break;
            case '(': type = TokenType.LEFT_PAREN; break;
            case ')': type = TokenType.RIGHT_PAREN; break;
            case ',': type = TokenType.COMMA; break;
            case ';': type = TokenType.SEMICOLON; break;
            case '.': type = TokenType.DOT; break;
            case '[': type = TokenType.LEFT_BRACKET; break;
            case ']': type = TokenType.RIGHT_BRACKET; break;
            case '{': type = TokenType.LEFT_BRACE; break;
            case '}': type = TokenType.RIGHT_BRACE; break;
            case ':': type = TokenType.COLON; break;
            default:
                throw new SqlSyntaxException(sql, start, "unexpected character " + describeChar(c));
        }
        pos += length;
        add(type, start, sql.substring(start, pos));
    }

    private static String describeChar(char c) {
        if (c == '`') {
            return "'`'; quote names with double quotes: \"my column\"";
        }
        if (Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private void add(TokenType type, int start, String value) {
        // Tokens that span lines (strings, quoted names) have moved `line` on: recompute from the start.
        int tokenLine = line;
        int tokenLineStart = lineStart;
        if (start < lineStart) {
            tokenLine = SqlSyntaxException.lineOf(sql, start);
            tokenLineStart = start - SqlSyntaxException.columnOf(sql, start) + 1;
        }
        tokens.add(new Token(type, sql.substring(start, pos), value, start, tokenLine, start - tokenLineStart + 1));
    }

    private void skipDigits() {
        while (isDigit(peek(0))) {
            pos++;
        }
    }

    /** Moves past one character, keeping the line count right when it ends a line. */
    private void advanceOne() {
        char c = sql.charAt(pos);
        if (c == '\n' || c == '\r') {
            newline();
        } else {
            pos++;
        }
    }

    private void newline() {
        if (sql.charAt(pos) == '\r' && peek(1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
