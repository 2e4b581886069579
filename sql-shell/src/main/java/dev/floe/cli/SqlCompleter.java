package dev.floe.cli;

import dev.floe.sql.SqlFunctions;
import dev.floe.sql.SqlLexer;
import dev.floe.sql.SqlSession;
import dev.floe.sql.Token;
import dev.floe.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell: keywords, function names, views and tables, and the column names the
 * session has seen. After a qualifier and a dot ({@code l.<TAB>}, {@code people.<TAB>}) it offers only
 * that source's columns: the qualifier is an alias declared in the statement being typed
 * ({@code FROM logs l}, {@code JOIN 'b.csv' AS b}, {@code read_csv('x/*.csv') x}, anywhere in the
 * buffer, also after the cursor) or a view or table name. Columns come from what the session knows
 * without reading anything ({@link SqlSession#columnsOf}): a view or table always, a file once the
 * session has planned it. Completion works inside a call too ({@code count(l.<TAB>}): the word is
 * completed from its last name.
 */
final class SqlCompleter implements Completer {
    static final List<String> KEYWORDS;

    static {
        TreeSet<String> k = new TreeSet<>(SqlLexer.RESERVED);
        k.addAll(List.of("CREATE", "VIEW", "TABLE", "REPLACE", "COPY", "TO", "FORMAT", "DESCRIBE", "SHOW", "TABLES",
                "EXPLAIN", "ANALYZE", "SET", "DROP", "LEFT", "INNER", "SEMI", "ANTI", "RIGHT", "FULL", "OUTER", "CROSS",
                "USING", "EXISTS", "NULLS", "FIRST", "LAST",
                "READ_CSV"));
        KEYWORDS = List.copyOf(k);
    }

    /** Words after a source that start a join or a clause rather than name an alias (unreserved in the lexer). */
    private static final Set<String> NOT_ALIASES = Set.of("left", "right", "full", "inner", "outer", "cross", "semi",
            "anti", "using", "natural", "window", "qualify");

    /** Keywords that end a FROM list (a comma after them is no longer between sources). */
    private static final Set<String> END_OF_FROM = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION",
            "SELECT", "ON");

    private final SqlSession session;

    SqlCompleter(SqlSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        complete(line.line(), line.word().substring(0, line.wordCursor()), candidates);
    }

    /** The candidates for {@code word} (the text of the word before the cursor) in the buffer {@code buffer}. */
    void complete(String buffer, String word, List<Candidate> candidates) {
        if (buffer.trim().startsWith("\\")) {
            for (String c : List.of("\\timing", "\\format", "\\help", "\\q")) {
                candidates.add(new Candidate(c));
            }
            return;
        }
        int nameStart = word.length();
        while (nameStart > 0 && isNameChar(word.charAt(nameStart - 1))) {
            nameStart--;
        }
        String head = word.substring(0, nameStart); // "count(" of "count(l.na": kept in front of every candidate
        String name = word.substring(nameStart);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String qualifier = name.substring(0, dot + 1);
            for (String c : qualifiedColumns(buffer, fold(name.substring(0, dot)))) {
                String text = head + qualifier + quoteIfNeeded(c);
                candidates.add(new Candidate(text, qualifier + quoteIfNeeded(c), "column", null, null, null, true));
            }
            return;
        }
        boolean upper = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
        for (String k : KEYWORDS) {
            String text = upper ? k : k.toLowerCase(Locale.ROOT);
            candidates.add(new Candidate(head + text, text, "keyword", null, null, null, true));
        }
        for (String f : SqlFunctions.names()) {
            candidates.add(new Candidate(head + f + "(", f, "function", null, null, null, false));
        }
        for (String t : session.tableNames()) {
            candidates.add(new Candidate(head + t, t, "table", null, null, null, true));
        }
        for (String c : session.knownColumns()) {
            candidates.add(new Candidate(head + c, c, "column", null, null, null, true));
        }
    }

    /** The columns of the source {@code qualifier} names: an alias of the buffer, else a view or table. */
    List<String> qualifiedColumns(String buffer, String qualifier) {
        String source = aliases(buffer).getOrDefault(qualifier, qualifier);
        return session.columnsOf(source);
    }

    /**
     * Alias to source (a view or table name, a glob) for every {@code FROM}/{@code JOIN} source of the
     * buffer with an alias; empty if the buffer does not tokenize (an unclosed string, say) before its end.
     */
    static Map<String, String> aliases(String buffer) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(buffer);
        } catch (RuntimeException e) {
            int quote = buffer.lastIndexOf('\'');
            if (quote <= 0) {
                return Map.of();
            }
            try {
                tokens = SqlLexer.tokenize(buffer.substring(0, quote)); // up to the unclosed string
            } catch (RuntimeException again) {
                return Map.of();
            }
        }
        Map<String, String> aliases = new HashMap<>();
        boolean inFrom = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == TokenType.KEYWORD && END_OF_FROM.contains(t.value())) {
                inFrom = false;
            }
            boolean sourceFollows = t.isKeyword("FROM") || t.isKeyword("JOIN") || inFrom && t.type() == TokenType.COMMA;
            if (!sourceFollows) {
                continue;
            }
            inFrom = true;
            int j = i + 1;
            String source = null;
            Token s = tokens.get(Math.min(j, tokens.size() - 1));
            if (s.isName() && next(tokens, j).type() == TokenType.LEFT_PAREN) {
                int close = matchingParen(tokens, j + 1); // read_csv('glob', ...)
                Token arg = next(tokens, j + 1);
                source = arg.type() == TokenType.STRING ? arg.value() : null;
                j = close + 1;
            } else if (s.isName() || s.type() == TokenType.STRING) {
                source = s.value();
                j++;
            } else if (s.type() == TokenType.LEFT_PAREN) {
                j = matchingParen(tokens, j) + 1; // a subquery: its alias names no known source
            } else {
                continue;
            }
            i = j - 1; // go on after the source: commas inside read_csv(...) or a subquery are not between sources
            Token a = next(tokens, j - 1);
            if (a.isKeyword("AS")) {
                a = next(tokens, j);
            } else if (a.type() == TokenType.IDENTIFIER && NOT_ALIASES.contains(a.value())) {
                continue;
            }
            if (a.isName() && source != null) {
                aliases.put(a.value(), source);
            }
        }
        return aliases;
    }

    private static Token next(List<Token> tokens, int i) {
        return tokens.get(Math.min(i + 1, tokens.size() - 1));
    }

    /** The index of the parenthesis closing the one at {@code open}, or the EOF token's. */
    private static int matchingParen(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '"';
    }

    /** An identifier as the lexer reads it: quoted keeps its case, unquoted is folded to lower case. */
    private static String fold(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** A column as it must be typed: in double quotes unless a plain lower-case, unreserved name. */
    static String quoteIfNeeded(String column) {
        if (column.matches("[a-z_][a-z0-9_]*") && !SqlLexer.RESERVED.contains(column.toUpperCase(Locale.ROOT))) {
            return column;
        }
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
