package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.AggregateFunction;
import dev.floe.expressions.Between;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Case;
import dev.floe.expressions.InList;
import dev.floe.expressions.Like;
import dev.floe.expressions.TryCast;
import dev.floe.expressions.Binary;
import dev.floe.expressions.Cast;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Literal;
import dev.floe.expressions.TypeChecker;
import dev.floe.expressions.Unary;
import dev.floe.io.CsvOptions;
import dev.floe.expressions.UnaryOp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Floe SQL: scripts of statements, queries, expressions. Expressions are {@code dev.floe.expressions} trees.
 *
 * <pre>
 *  script      := statement [; statement ...] [;]
 *  statement   := query | CREATE [OR REPLACE] VIEW|TABLE name AS query | DROP VIEW|TABLE [IF EXISTS] name
 *               | COPY (query) | name TO 'path' [(option [=] value, ...)] | DESCRIBE query | DESCRIBE from_item
 *               | SHOW TABLES | EXPLAIN [ANALYZE] query | SET name = | TO value
 *  query       := [WITH name AS (query) [, ...]] term [UNION ALL term ...]
 *                 [ORDER BY expr [ASC | DESC] [NULLS FIRST | LAST] [, ...]] [LIMIT n] [OFFSET m]
 *  term        := SELECT [DISTINCT] select_item [, ...] [FROM from] [WHERE expr] [GROUP BY expr [, ...]]
 *                 [HAVING expr] | (query)
 *  select_item := * | name.* | expr [[AS] name]
 *  from        := from_item [join ...]
 *  join        := [INNER | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER] | SEMI | ANTI] JOIN from_item
 *                     (ON expr | USING (name [, ...]))
 *               | CROSS JOIN from_item | , from_item
 *  from_item   := (read_csv('glob' [, option = value ...]) | 'glob' | name | (query)) [[AS] alias]
 *  value       := literal | identifier | [value, ...] | {'key': value, ...}      (read_csv options)
 *  expr, loosest first (binary operators associate to the left):
 *     1  OR
 *     2  AND
 *     3  NOT expr                                (prefix)
 *     4  = <> != < <= > >=   IS [NOT] NULL   [NOT] IN (list | query)   [NOT] BETWEEN a AND b   [NOT] [I]LIKE 'p'
 *     5  ||
 *     6  + -
 *     7  * / %
 *     8  - expr                                  (prefix; on a number it makes a negative literal)
 *     9  primary := number | 'string' | TRUE | FALSE | NULL | TIMESTAMP 'text' | DATE 'text' | EXISTS (query)
 *                 | [qualifier.]column | function(expr, ...) | count(*) | count(DISTINCT expr)
 *                 | CAST(expr AS type) | TRY_CAST(expr AS type) | EXTRACT(unit FROM expr) | primary::type
 *                 | CASE [expr] WHEN expr THEN expr ... [ELSE expr] END | (expr)
 * </pre>
 *
 * Unquoted names are folded to lower case; {@code "Quoted"} names keep their case. Integers are BIGINT
 * literals; numbers with a point are exact DECIMAL literals of their digits ({@code 12.50} is DECIMAL(4,2)), as
 * in DuckDB and Spark; numbers with an exponent, or of more than 38 digits, DOUBLE. A qualified name {@code t.x} is kept as the
 * column {@code "t.x"}; {@link SqlPlanner} resolves it against the sources in scope. Words such as LEFT,
 * SEMI, NULLS, VIEW or COPY are not reserved: they are recognised where they can appear.
 *
 * <p>A subquery in an expression ({@code x IN (SELECT y ...)}, {@code EXISTS (SELECT ...)}) is kept in
 * {@link SelectStatement#subqueries()} under a placeholder column ({@code __subquery_1},
 * {@code __exists_2}) that stands for it in the expression tree: {@code x IN (__subquery_1)}.
 *
 * <p>Every error is a {@link SqlSyntaxException} at the token where parsing stopped, saying what was
 * expected there. Aggregates are checked here too, where positions are known: not in WHERE or GROUP BY,
 * and not nested.
 *
 * <p>Implementation overview: one method per grammar rule; expressions by precedence climbing in
 * {@link #expression(int)}, where a binary operator is taken only while its level is at least the level
 * asked for, and its right side is parsed one level up (left associativity). To grow the grammar, add a
 * level or an operator to {@link #binaryOperator}, a primary to {@link #primary}, or a function to
 * {@link SqlFunctions}.
 */
public final class SqlParser {
    private static final int OR_LEVEL = 1;
    private static final int AND_LEVEL = 2;
    private static final int NOT_LEVEL = 3;
    private static final int COMPARISON_LEVEL = 4;
    private static final int CONCAT_LEVEL = 5;
    private static final int ADDITIVE_LEVEL = 6;
    private static final int MULTIPLICATIVE_LEVEL = 7;
    private static final int UNARY_LEVEL = 8;

    private final String sql;
    private final List<Token> tokens;
    private int pos;
    /** The name token of the outermost aggregate call being parsed, or null. */
    private Token enclosingAggregate;
    /** The first aggregate call parsed since the last {@link #noAggregatesIn} began, or null. */
    private Token firstAggregate;
    /** The subqueries of expressions ({@code IN (SELECT ...)}, {@code EXISTS}) of the SELECT being parsed. */
    private Map<String, Query> subqueries = new LinkedHashMap<>();
    /** Numbers the subquery placeholders of the whole text, so nested SELECTs never share a name. */
    private int subqueryCount;

    private SqlParser(String sql) {
        this(sql, SqlLexer.tokenize(sql));
    }

    private SqlParser(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    /**
     * One statement of a script, not parsed yet: its text, where it starts, and {@link #parse()}, whose
     * errors point into the whole script (line and column of the script, not of the statement).
     */
    public record ScriptStatement(String script, List<Token> tokens) {
        public String text() {
            return script.substring(tokens.get(0).offset(), tokens.get(tokens.size() - 2).end());
        }

        public int line() {
            return tokens.get(0).line();
        }

        public Statement parse() {
            SqlParser parser = new SqlParser(script, tokens);
            Statement s = parser.statement();
            parser.endOfStatement(s instanceof Statement.QueryStatement q ? q.query() : null, true);
            return s;
        }
    }

    /**
     * Splits a script at its semicolons (outside strings and comments), without parsing the statements,
     * so a batch run can execute each before the next is parsed. Lexical errors (an unterminated
     * string) are thrown here.
     */
    public static List<ScriptStatement> split(String script) {
        List<Token> all = SqlLexer.tokenize(script);
        List<ScriptStatement> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : all) {
            if (t.type() == TokenType.SEMICOLON || t.type() == TokenType.EOF) {
                if (!current.isEmpty()) {
                    current.add(new Token(TokenType.EOF, "", "", t.offset(), t.line(), t.column()));
                    out.add(new ScriptStatement(script, List.copyOf(current)));
                    current.clear();
                }
            } else {
                current.add(t);
            }
        }
        return out;
    }

    /** Parses one SELECT statement, with an optional trailing semicolon. */
    public static SelectStatement parse(String sql) {
        SqlParser parser = new SqlParser(sql);
        Token first = parser.peek();
        Query query = parser.query();
        parser.endOfStatement(query, true);
        if (!(query instanceof SelectStatement s)) {
            throw parser.error(first, "expected a single SELECT, found a " + (query instanceof Query.With ? "WITH" : "UNION ALL") + " query");
        }
        return s;
    }

    /** Parses one query (SELECT, UNION ALL, WITH), with an optional trailing semicolon. */
    public static Query parseQuery(String sql) {
        SqlParser parser = new SqlParser(sql);
        Query query = parser.query();
        parser.endOfStatement(query, true);
        return query;
    }

    /** Parses a script: statements separated by {@code ;} (empty ones are skipped). */
    public static List<Statement> parseStatements(String sql) {
        SqlParser parser = new SqlParser(sql);
        List<Statement> statements = new ArrayList<>();
        while (true) {
            while (parser.accept(TokenType.SEMICOLON)) {
                // empty statement
            }
            if (parser.peek().type() == TokenType.EOF) {
                return statements;
            }
            Statement s = parser.statement();
            statements.add(s);
            parser.endOfStatement(s instanceof Statement.QueryStatement q ? q.query() : null, false);
        }
    }

    /**
     * Whether {@code sql} ends a statement: its last token is a {@code ;} (outside strings and comments).
     * An unfinished string or comment is not complete; other lexical errors are (the parser reports them).
     */
    public static boolean isComplete(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokenize(sql);
        } catch (SqlSyntaxException e) {
            return !(e.detail().startsWith("unterminated") || e.detail().contains("not closed"));
        }
        return tokens.size() >= 2 && tokens.get(tokens.size() - 2).type() == TokenType.SEMICOLON;
    }

    /** Parses a lone expression, such as {@code value > 0.5 AND name = 'x'}. */
    public static Expr parseExpression(String sql) {
        SqlParser parser = new SqlParser(sql);
        Expr expr = parser.expression();
        if (parser.peek().type() != TokenType.EOF) {
            throw parser.expected("an operator or end of input");
        }
        return expr;
    }

    // ---- statements ----

    private Statement statement() {
        Token t = peek();
        if (t.type() == TokenType.IDENTIFIER) {
            switch (t.value()) {
                case "create": return create();
                case "drop": return drop();
                case "copy": return copy();
                case "describe": case "desc": return describe();
                case "show": return show();
                case "explain": return explain();
                case "set": return set();
                default: break;
            }
        }
        if (t.isKeyword("SELECT") || t.isKeyword("WITH") || t.type() == TokenType.LEFT_PAREN) {
            return new Statement.QueryStatement(query());
        }
        if (t.isKeyword("DESC")) {
            return describe();
        }
        throw expected("a statement (SELECT, WITH, CREATE, DROP, COPY, DESCRIBE, SHOW TABLES, EXPLAIN, SET)");
    }

    private Statement create() {
        advance();
        boolean orReplace = false;
        if (acceptKeyword("OR")) {
            expectWord("replace");
            orReplace = true;
        }
        String kind = word("VIEW or TABLE", "view", "table");
        String name = name("a name for the " + kind);
        expectKeyword("AS");
        Query q = query();
        return kind.equals("view") ? new Statement.CreateView(name, orReplace, q) : new Statement.CreateTable(name, orReplace, q);
    }

    private Statement drop() {
        advance();
        String kind = word("VIEW or TABLE", "view", "table");
        boolean ifExists = false;
        if (peek().type() == TokenType.IDENTIFIER && peek().value().equals("if")) {
            advance();
            expectWord("exists");
            ifExists = true;
        }
        return new Statement.Drop(kind.toUpperCase(java.util.Locale.ROOT), name("the name of the " + kind), ifExists);
    }

    private Statement copy() {
        advance();
        Query q;
        if (accept(TokenType.LEFT_PAREN)) {
            q = query();
            expect(TokenType.RIGHT_PAREN, "')'");
        } else if (peek().isName()) {
            q = selectAll(new Source.Named(advance().value()));
        } else {
            throw expected("(query) or a view or table name");
        }
        expectWord("to");
        Token path = peek();
        if (path.type() != TokenType.STRING) {
            throw expected("the path to write, as a string: TO 'out.csv'");
        }
        advance();
        Map<String, Object> options = new LinkedHashMap<>();
        if (accept(TokenType.LEFT_PAREN)) {
            do {
                Token name = peek();
                String option = name("an option name (FORMAT, HEADER, DELIMITER)");
                if (options.containsKey(option)) {
                    throw error(name, "COPY option '" + option + "' is given twice");
                }
                accept(TokenType.EQ);
                Object value;
                if (peek().type() == TokenType.IDENTIFIER) {
                    value = advance().value();
                } else if (peek().type() == TokenType.COMMA || peek().type() == TokenType.RIGHT_PAREN) {
                    value = Boolean.TRUE;
                } else {
                    value = literalValue();
                }
                options.put(option, value);
            } while (accept(TokenType.COMMA));
            expect(TokenType.RIGHT_PAREN, "',' or ')'");
        }
        return new Statement.Copy(q, path.value(), options);
    }

    private Statement describe() {
        advance();
        if (peek().isKeyword("SELECT") || peek().isKeyword("WITH")) {
            return new Statement.Describe(query());
        }
        return new Statement.Describe(selectAll(fromItem()));
    }

    private Statement show() {
        advance();
        word("TABLES", "tables");
        return new Statement.ShowTables();
    }

    private Statement explain() {
        advance();
        boolean analyze = peek().type() == TokenType.IDENTIFIER && peek().value().equals("analyze");
        if (analyze) {
            advance();
        }
        return new Statement.Explain(analyze, query());
    }

    private Statement set() {
        advance();
        String name = name("a setting name (threads, memory_limit, block_size, split_every, format)");
        if (!accept(TokenType.EQ)) {
            expectWord("to");
        }
        Object value = peek().type() == TokenType.IDENTIFIER ? advance().value() : literalValue();
        return new Statement.Set(name, value);
    }

    private static SelectStatement selectAll(Source source) {
        return new SelectStatement(List.of(SelectItem.star()), source, null, List.of(), List.of(), null);
    }

    // ---- queries ----

    private Query query() {
        if (acceptKeyword("WITH")) {
            List<Query.Cte> ctes = new ArrayList<>();
            do {
                String name = name("a name for the common table expression");
                expectKeyword("AS");
                expect(TokenType.LEFT_PAREN, "'('");
                Query q = query();
                expect(TokenType.RIGHT_PAREN, "')'");
                ctes.add(new Query.Cte(name, q));
            } while (accept(TokenType.COMMA));
            return new Query.With(ctes, query());
        }
        List<Query> parts = new ArrayList<>();
        parts.add(queryTerm());
        while (acceptKeyword("UNION")) {
            if (!acceptKeyword("ALL")) {
                throw expected("ALL (only UNION ALL is supported; for distinct rows use SELECT DISTINCT * FROM (... UNION ALL ...))");
            }
            parts.add(queryTerm());
        }
        List<OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (accept(TokenType.COMMA));
        }
        Long limit = null;
        Long offset = null;
        if (acceptKeyword("LIMIT")) {
            limit = count("a row count");
        }
        if (acceptKeyword("OFFSET")) {
            offset = count("a number of rows to skip");
        }
        if (parts.size() == 1 && parts.get(0) instanceof SelectStatement s) {
            return orderBy.isEmpty() && limit == null && offset == null ? s : s.withOrderAndLimit(orderBy, limit, offset);
        }
        if (parts.size() == 1) {
            if (orderBy.isEmpty() && limit == null && offset == null) {
                return parts.get(0);
            }
            return new SelectStatement(false, List.of(SelectItem.star()), new Source.Aliased(new Source.Subquery(parts.get(0)), "subquery"),
                    null, List.of(), null, orderBy, limit, offset);
        }
        return new Query.UnionAll(parts, orderBy, limit, offset);
    }

    /** A SELECT without ORDER BY / LIMIT, or a parenthesised query. */
    private Query queryTerm() {
        if (accept(TokenType.LEFT_PAREN)) {
            Query q = query();
            expect(TokenType.RIGHT_PAREN, "')'");
            return q;
        }
        return selectCore();
    }

    private SelectStatement selectCore() {
        expectKeyword("SELECT");
        Map<String, Query> outerSubqueries = subqueries;
        subqueries = new LinkedHashMap<>();
        try {
            return selectBody();
        } finally {
            subqueries = outerSubqueries;
        }
    }

    private SelectStatement selectBody() {
        boolean distinct = acceptKeyword("DISTINCT");
        if (!distinct) {
            acceptKeyword("ALL");
        }
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(TokenType.COMMA));
        Source from = null;
        if (acceptKeyword("FROM")) {
            from = fromClause();
        }
        Expr where = null;
        if (acceptKeyword("WHERE")) {
            where = noAggregatesIn("WHERE", this::expression);
        }
        List<Expr> groupBy = new ArrayList<>();
        if (acceptKeyword("GROUP")) {
            expectKeyword("BY");
            do {
                groupBy.add(noAggregatesIn("GROUP BY", this::expression));
            } while (accept(TokenType.COMMA));
        }
        Expr having = null;
        if (acceptKeyword("HAVING")) {
            having = expression();
        }
        return new SelectStatement(distinct, items, from, where, groupBy, having, List.of(), null, null, subqueries);
    }

    /** After a statement: {@code ;} or the end; otherwise says which clauses could have come next. */
    private void endOfStatement(Query q, boolean single) {
        if (accept(TokenType.SEMICOLON)) {
            if (single && peek().type() != TokenType.EOF) {
                throw expected("end of input (one statement at a time)");
            }
            return;
        }
        if (peek().type() == TokenType.EOF) {
            return;
        }
        List<String> next = new ArrayList<>();
        if (q instanceof SelectStatement s) {
            boolean tail = !s.orderBy().isEmpty() || s.limit() != null || s.offset() != null;
            if (s.from() == null && s.where() == null && s.groupBy().isEmpty() && s.having() == null && !tail) {
                throw expected("',' or FROM");
            }
            if (s.where() == null && s.groupBy().isEmpty() && s.having() == null && !tail) {
                next.add("JOIN");
            }
            if (s.where() == null && s.groupBy().isEmpty() && s.having() == null && !tail) {
                next.add("WHERE");
            }
            if (s.groupBy().isEmpty() && s.having() == null && !tail) {
                next.add("GROUP BY");
            }
            if (s.having() == null && !tail) {
                next.add("HAVING");
            }
            if (!tail) {
                next.add("UNION ALL");
            }
            if (s.orderBy().isEmpty() && s.limit() == null && s.offset() == null) {
                next.add("ORDER BY");
            }
            if (s.limit() == null && s.offset() == null) {
                next.add("LIMIT");
            }
            if (s.offset() == null) {
                next.add("OFFSET");
            }
        }
        next.add("';'");
        throw expected(String.join(", ", next) + " or end of input");
    }

    private SelectItem selectItem() {
        if (accept(TokenType.STAR)) {
            return SelectItem.star();
        }
        if (peek().isName() && peek(1).type() == TokenType.DOT && peek(2).type() == TokenType.STAR) {
            String qualifier = advance().value();
            advance();
            advance();
            return SelectItem.star(qualifier);
        }
        Expr expr = expression();
        if (acceptKeyword("AS")) {
            return SelectItem.of(expr, name("a name for the column"));
        }
        if (peek().isName()) {
            return SelectItem.of(expr, advance().value());
        }
        return SelectItem.of(expr);
    }

    private OrderItem orderItem() {
        Expr expr = expression();
        boolean ascending = true;
        if (acceptKeyword("DESC")) {
            ascending = false;
        } else {
            acceptKeyword("ASC");
        }
        Boolean nullsFirst = null;
        if (peek().type() == TokenType.IDENTIFIER && peek().value().equals("nulls")) {
            advance();
            nullsFirst = word("FIRST or LAST", "first", "last").equals("first");
        }
        return new OrderItem(expr, ascending, nullsFirst);
    }

    private Long count(String what) {
        Token t = peek();
        if (t.type() != TokenType.INTEGER) {
            throw expected(what);
        }
        advance();
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw error(t, t.text() + " is out of range; the largest is " + Long.MAX_VALUE);
        }
    }

    // ---- FROM ----

    /** Words that end a FROM item rather than name it. */
    private static final java.util.Set<String> NOT_ALIASES = java.util.Set.of(
            "left", "inner", "outer", "semi", "anti", "right", "full", "cross", "natural", "using");

    /**
     * {@code item [join ...]}: {@code [kind] JOIN item ON condition | USING (k, ...)},
     * {@code CROSS JOIN item}, or {@code , item} (a cross join, whose WHERE may supply the keys).
     */
    private Source fromClause() {
        Source source = fromItem();
        while (true) {
            if (accept(TokenType.COMMA)) {
                source = new Source.Join(source, fromItem(), Source.JoinKind.CROSS, null, List.of());
                continue;
            }
            Source.JoinKind kind = joinKind();
            if (kind == null) {
                return source;
            }
            Source right = fromItem();
            if (kind == Source.JoinKind.CROSS) {
                source = new Source.Join(source, right, kind, null, List.of());
            } else if (acceptKeyword("ON")) {
                source = new Source.Join(source, right, kind, noAggregatesIn("ON", this::expression), List.of());
            } else if (peek().type() == TokenType.IDENTIFIER && peek().value().equals("using")) {
                advance();
                source = new Source.Join(source, right, kind, null, usingColumns());
            } else {
                throw expected("ON condition or USING (columns)");
            }
        }
    }

    /** {@code (k1, k2, ...)} after USING. */
    private List<String> usingColumns() {
        expect(TokenType.LEFT_PAREN, "'(' and the key columns, such as USING (id)");
        List<String> names = new ArrayList<>();
        do {
            Token t = peek();
            String name = name("a column name");
            if (names.contains(name)) {
                throw error(t, "column '" + name + "' is named twice in USING");
            }
            names.add(name);
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "',' or ')'");
        return names;
    }

    private Source.JoinKind joinKind() {
        if (acceptKeyword("JOIN")) {
            return Source.JoinKind.INNER;
        }
        Token t = peek();
        if (t.type() != TokenType.IDENTIFIER || !NOT_ALIASES.contains(t.value())) {
            return null;
        }
        Source.JoinKind kind;
        switch (t.value()) {
            case "inner": kind = Source.JoinKind.INNER; break;
            case "left": kind = Source.JoinKind.LEFT; break;
            case "right": kind = Source.JoinKind.RIGHT; break;
            case "full": kind = Source.JoinKind.FULL; break;
            case "semi": kind = Source.JoinKind.SEMI; break;
            case "anti": kind = Source.JoinKind.ANTI; break;
            case "cross": kind = Source.JoinKind.CROSS; break;
            case "natural":
                throw error(t, "NATURAL joins are not supported; name the keys with JOIN ... USING (columns)");
            default:
                throw expected("JOIN, LEFT JOIN, RIGHT JOIN, FULL JOIN, CROSS JOIN, SEMI JOIN or ANTI JOIN");
        }
        advance();
        boolean outer = kind == Source.JoinKind.LEFT || kind == Source.JoinKind.RIGHT || kind == Source.JoinKind.FULL;
        if (outer && peek().type() == TokenType.IDENTIFIER && peek().value().equals("outer")) {
            advance();
        }
        expectKeyword("JOIN");
        return kind;
    }

    /** {@code read_csv(...) | 'glob' | name | (query)}, then an optional {@code [AS] alias}. */
    private Source fromItem() {
        Source source;
        Token t = peek();
        if (t.type() == TokenType.STRING) {
            advance();
            source = new Source.ReadCsv(t.value(), Map.of());
        } else if (t.type() == TokenType.IDENTIFIER && t.value().equals("read_csv")
                && peek(1).type() == TokenType.LEFT_PAREN) {
            source = readCsv();
        } else if (t.isName()) {
            advance();
            source = new Source.Named(t.value());
        } else if (t.type() == TokenType.LEFT_PAREN) {
            advance();
            source = new Source.Subquery(query());
            expect(TokenType.RIGHT_PAREN, "')'");
        } else {
            throw expected("read_csv('path'), a quoted path such as 'data/*.csv', a view or table name, or (SELECT ...)");
        }
        if (acceptKeyword("AS")) {
            return new Source.Aliased(source, name("a name for the source"));
        }
        if (peek().isName() && !(peek().type() == TokenType.IDENTIFIER && NOT_ALIASES.contains(peek().value()))) {
            return new Source.Aliased(source, advance().value());
        }
        return source;
    }

    private Source readCsv() {
        advance();
        advance();
        Token glob = peek();
        if (glob.type() != TokenType.STRING) {
            throw expected("the path or glob to read, as a string: read_csv('data/*.csv')");
        }
        advance();
        Map<String, Object> options = new LinkedHashMap<>();
        while (accept(TokenType.COMMA)) {
            Token name = peek();
            String option = name("an option name, such as header, delim or types").toLowerCase(java.util.Locale.ROOT);
            if (options.containsKey(option)) {
                throw error(name, "read_csv option '" + option + "' is given twice");
            }
            expect(TokenType.EQ, "'='");
            Token valueToken = peek();
            Object value = optionValue();
            if (value instanceof String s && s.equals("\\t")) {
                value = "\t";
            }
            try {
                CsvOptions.fromMap(Map.of(option, value));
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                String prefix = "read_csv option " + option + " = ";
                throw error(message != null && message.contains("unknown read_csv option") ? name : valueToken,
                        message != null && message.startsWith(prefix) && message.contains("unknown read_csv option")
                                ? message.substring(message.indexOf("unknown read_csv option")) : message);
            }
            options.put(option, value);
        }
        expect(TokenType.RIGHT_PAREN, "',' or ')'");
        return new Source.ReadCsv(glob.value(), options);
    }

    /** A literal, a list {@code ['a', 'b']} or a map {@code {'col': 'TYPE'}} (option values). */
    private Object optionValue() {
        if (accept(TokenType.LEFT_BRACKET)) {
            List<Object> list = new ArrayList<>();
            if (!accept(TokenType.RIGHT_BRACKET)) {
                do {
                    list.add(optionValue());
                } while (accept(TokenType.COMMA));
                expect(TokenType.RIGHT_BRACKET, "',' or ']'");
            }
            return list;
        }
        if (accept(TokenType.LEFT_BRACE)) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (!accept(TokenType.RIGHT_BRACE)) {
                do {
                    Token key = peek();
                    if (key.type() != TokenType.STRING && !key.isName()) {
                        throw expected("a key such as 'column'");
                    }
                    advance();
                    expect(TokenType.COLON, "':'");
                    map.put(key.value(), optionValue());
                } while (accept(TokenType.COMMA));
                expect(TokenType.RIGHT_BRACE, "',' or '}'");
            }
            return map;
        }
        if (peek().type() == TokenType.IDENTIFIER) {
            return advance().value();   // header = auto, compression = gzip
        }
        return literalValue();
    }

    /** A literal as a Java value: Boolean, String, Long, Double (a number with a point, in an option). */
    private Object literalValue() {
        Token t = peek();
        if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
            advance();
            return t.isKeyword("TRUE");
        }
        if (t.type() == TokenType.STRING) {
            advance();
            return t.value();
        }
        boolean negative = t.type() == TokenType.MINUS;
        if ((negative ? peek(1) : t).type() == TokenType.INTEGER || (negative ? peek(1) : t).type() == TokenType.DECIMAL) {
            if (negative) {
                advance();
            }
            Token number = peek();
            Object value = ((Literal) number(negative)).value();
            if (value instanceof java.math.BigDecimal d && d.scale() == 0) {
                throw error(number, "integer " + d.toPlainString() + " is out of range; the largest is " + Long.MAX_VALUE);
            }
            return value instanceof java.math.BigDecimal d ? (Object) d.doubleValue() : value;   // option values: Double
        }
        throw expected("a literal value (a string, a number, TRUE or FALSE)");
    }

    // ---- expressions ----

    private Expr expression() {
        return expression(OR_LEVEL);
    }

    /** An expression made of operators of {@code minLevel} and tighter. */
    private Expr expression(int minLevel) {
        Expr left = prefix();
        while (true) {
            Token t = peek();
            if (t.isKeyword("IS") && COMPARISON_LEVEL >= minLevel) {
                advance();
                boolean not = acceptKeyword("NOT");
                if (!acceptKeyword("NULL")) {
                    throw expected(not ? "NULL" : "NULL or NOT NULL");
                }
                left = new Unary(not ? UnaryOp.IS_NOT_NULL : UnaryOp.IS_NULL, left);
                continue;
            }
            if (COMPARISON_LEVEL >= minLevel && (isPredicateWord(t)
                    || (t.isKeyword("NOT") && isPredicateWord(peek(1))))) {
                left = predicate(left);
                continue;
            }
            BinaryOp op = binaryOperator(t);
            if (op == null || level(op) < minLevel) {
                return left;
            }
            advance();
            left = new Binary(op, left, expression(level(op) + 1));
        }
    }

    private static boolean isPredicateWord(Token t) {
        return t.isKeyword("IN") || t.isKeyword("BETWEEN") || t.isKeyword("LIKE")
                || (t.type() == TokenType.IDENTIFIER && t.value().equals("ilike"));
    }

    /**
     * {@code left [NOT] IN (a, b, ...)}, {@code left [NOT] BETWEEN lo AND hi},
     * {@code left [NOT] [I]LIKE 'pattern' [ESCAPE 'c']}; NOT wraps the predicate.
     */
    private Expr predicate(Expr left) {
        boolean not = acceptKeyword("NOT");
        Token word = advance();
        Expr result;
        if (word.isKeyword("BETWEEN")) {
            Expr lo = expression(ADDITIVE_LEVEL);
            expectKeyword("AND");
            Expr hi = expression(ADDITIVE_LEVEL);
            result = new Between(left, lo, hi);
        } else if (word.isKeyword("IN")) {
            expect(TokenType.LEFT_PAREN, "'(' and a list of values");
            if (peek().isKeyword("SELECT") || peek().isKeyword("WITH")) {
                result = new InList(left, List.of(subquery("__subquery_")));
                return not ? new Unary(UnaryOp.NOT, result) : result;
            }
            List<Expr> values = new ArrayList<>();
            do {
                values.add(expression());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RIGHT_PAREN, "',' or ')'");
            result = new InList(left, values);
        } else {
            Token pattern = peek();
            if (pattern.type() != TokenType.STRING) {
                throw expected("a pattern as a string, such as 'abc%'");
            }
            advance();
            String escape = null;
            if (peek().type() == TokenType.IDENTIFIER && peek().value().equals("escape")) {
                advance();
                Token e = peek();
                if (e.type() != TokenType.STRING || e.value().codePointCount(0, e.value().length()) != 1) {
                    throw expected("one character as a string after ESCAPE, such as '\\'");
                }
                advance();
                escape = e.value();
            }
            result = new Like(left, pattern.value(), escape, !word.isKeyword("LIKE"));
        }
        return not ? new Unary(UnaryOp.NOT, result) : result;
    }

    /**
     * A subquery whose {@code (} has been read: parses it and its {@code )}, and returns the placeholder
     * column that stands for it ({@code prefix} and a number), recorded in {@link #subqueries}.
     */
    private Expr subquery(String prefix) {
        Map<String, Query> outer = subqueries;
        Token outerFirst = firstAggregate;
        Token outerEnclosing = enclosingAggregate;
        firstAggregate = null;
        enclosingAggregate = null;
        Query q;
        try {
            q = query();
        } finally {
            subqueries = outer;
            firstAggregate = outerFirst;
            enclosingAggregate = outerEnclosing;
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        String name = prefix + (++subqueryCount);
        subqueries.put(name, q);
        return col(name);
    }

    private Expr prefix() {
        if (acceptKeyword("NOT")) {
            return new Unary(UnaryOp.NOT, expression(NOT_LEVEL));
        }
        if (accept(TokenType.MINUS)) {
            TokenType next = peek().type();
            if (next == TokenType.INTEGER || next == TokenType.DECIMAL) {
                return postfixCasts(number(true));
            }
            return new Unary(UnaryOp.NEGATE, expression(UNARY_LEVEL));
        }
        return postfixCasts(primary());
    }

    private static BinaryOp binaryOperator(Token t) {
        switch (t.type()) {
            case EQ: return BinaryOp.EQ;
            case NE: return BinaryOp.NE;
            case LT: return BinaryOp.LT;
            case LE: return BinaryOp.LE;
            case GT: return BinaryOp.GT;
            case GE: return BinaryOp.GE;
            case PLUS: return BinaryOp.ADD;
            case MINUS: return BinaryOp.SUB;
            case STAR: return BinaryOp.MUL;
            case SLASH: return BinaryOp.DIV;
            case PERCENT: return BinaryOp.MOD;
            case CONCAT: return BinaryOp.CONCAT;
            case KEYWORD:
                return t.value().equals("AND") ? BinaryOp.AND : t.value().equals("OR") ? BinaryOp.OR : null;
            default: return null;
        }
    }

    private static int level(BinaryOp op) {
        if (op == BinaryOp.OR) {
            return OR_LEVEL;
        }
        if (op == BinaryOp.AND) {
            return AND_LEVEL;
        }
        if (op.isComparison()) {
            return COMPARISON_LEVEL;
        }
        if (op == BinaryOp.CONCAT) {
            return CONCAT_LEVEL;
        }
        return op == BinaryOp.ADD || op == BinaryOp.SUB ? ADDITIVE_LEVEL : MULTIPLICATIVE_LEVEL;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.type()) {
            case INTEGER:
            case DECIMAL:
                return number(false);
            case STRING:
                advance();
                return lit(t.value());
            case LEFT_PAREN: {
                advance();
                Expr inner = expression();
                expect(TokenType.RIGHT_PAREN, "')'");
                return inner;
            }
            case KEYWORD:
                if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    advance();
                    return lit(t.isKeyword("TRUE"));
                }
                if (t.isKeyword("NULL")) {
                    advance();
                    return lit(null);
                }
                if (t.isKeyword("CAST")) {
                    return cast();
                }
                if (t.isKeyword("CASE")) {
                    return caseExpression();
                }
                break;
            case IDENTIFIER:
            case QUOTED_IDENTIFIER:
                return nameExpression();
            default:
                break;
        }
        throw expected("an expression");
    }

    /** A column, a qualified column, a function call, a typed literal, or {@code EXISTS (query)}. */
    private Expr nameExpression() {
        Token name = advance();
        if (name.type() == TokenType.IDENTIFIER && name.value().equals("exists") && peek().type() == TokenType.LEFT_PAREN
                && (peek(1).isKeyword("SELECT") || peek(1).isKeyword("WITH"))) {
            advance();
            return subquery("__exists_");
        }
        if (peek().type() == TokenType.LEFT_PAREN) {
            return functionCall(name);
        }
        if (name.type() == TokenType.IDENTIFIER && peek().type() == TokenType.STRING
                && (name.value().equals("timestamp") || name.value().equals("date"))) {
            return typedLiteral(name, advance());
        }
        if (accept(TokenType.DOT)) {
            return col(name.value() + "." + name("a column name"));
        }
        return col(name.value());
    }

    private Expr functionCall(Token name) {
        String function = name.value().toLowerCase(java.util.Locale.ROOT);
        advance();
        if (function.equals("count") && peek().type() == TokenType.STAR) {
            advance();
            expect(TokenType.RIGHT_PAREN, "')'");
            return aggregateSeen(name, Expressions.countStar());
        }
        if (function.equals("extract")) {
            return extract(name);
        }
        if (function.equals("try_cast")) {
            return castBody(true);
        }
        if (function.equals("count") && peek().isKeyword("DISTINCT")) {
            advance();
            if (enclosingAggregate != null) {
                throw error(name, "aggregate count() cannot be used inside the aggregate " + enclosingAggregate.value() + "()");
            }
            Token outer = enclosingAggregate;
            enclosingAggregate = name;
            Expr arg;
            try {
                arg = expression();
            } finally {
                enclosingAggregate = outer;
            }
            expect(TokenType.RIGHT_PAREN, "')'");
            return aggregateSeen(name, new AggregateCall(AggregateFunction.NUNIQUE, arg));
        }
        SqlFunctions.SqlFunction f = SqlFunctions.lookup(function);
        if (f == null) {
            throw error(name, SqlFunctions.unknown(function));
        }
        if (f.aggregate() && enclosingAggregate != null) {
            throw error(name, "aggregate " + function + "() cannot be used inside the aggregate "
                    + enclosingAggregate.value() + "()");
        }
        if (peek().type() == TokenType.STAR) {
            throw error(peek(), "only count accepts *; write " + function + "(column)");
        }
        Token outer = enclosingAggregate;
        if (f.aggregate()) {
            enclosingAggregate = name;
        }
        List<Expr> args = new ArrayList<>();
        try {
            if (peek().type() != TokenType.RIGHT_PAREN) {
                do {
                    args.add(expression());
                } while (accept(TokenType.COMMA));
            }
            expect(TokenType.RIGHT_PAREN, "',' or ')'");
        } finally {
            enclosingAggregate = outer;
        }
        if (args.size() < f.minArity() || args.size() > f.maxArity()) {
            throw error(name, SqlFunctions.arityMessage(f, args.size()));
        }
        Expr call = f.build().apply(args);
        return f.aggregate() ? aggregateSeen(name, call) : call;
    }

    /** {@code EXTRACT(unit FROM expr)}: the function named after the unit, such as {@code hour(expr)}. */
    private Expr extract(Token name) {
        Token unit = peek();
        if (!unit.isName() && unit.type() != TokenType.STRING) {
            throw expected("a unit such as hour, day or year");
        }
        advance();
        String unitName = unit.value().toLowerCase(java.util.Locale.ROOT);
        SqlFunctions.SqlFunction f = SqlFunctions.lookup(unitName);
        if (f == null || f.aggregate() || !SqlFunctions.isDatePart(unitName)) {
            throw error(unit, "EXTRACT cannot take '" + unit.value() + "'; units: "
                    + String.join(", ", SqlFunctions.datePartNames()));
        }
        expectKeyword("FROM");
        Expr input = expression();
        expect(TokenType.RIGHT_PAREN, "')'");
        return f.build().apply(List.of(input));
    }

    private Expr aggregateSeen(Token name, Expr call) {
        if (enclosingAggregate != null) {
            throw error(name, "aggregate " + name.value() + "() cannot be used inside the aggregate "
                    + enclosingAggregate.value() + "()");
        }
        if (firstAggregate == null) {
            firstAggregate = name;
        }
        return call;
    }

    private Expr cast() {
        advance();
        expect(TokenType.LEFT_PAREN, "'('");
        return castBody(false);
    }

    /** {@code expr AS type)}: the inside of CAST( or TRY_CAST(, after the parenthesis. */
    private Expr castBody(boolean tryCast) {
        Expr input = expression();
        expectKeyword("AS");
        FloeType type = typeName();
        expect(TokenType.RIGHT_PAREN, "')'");
        return tryCast ? new TryCast(input, type) : new Cast(input, type);
    }

    /** A type: {@code BIGINT}, {@code VARCHAR}, ..., {@code DECIMAL}, {@code DECIMAL(p)}, {@code DECIMAL(p, s)}. */
    private FloeType typeName() {
        Token name = peek();
        if (!name.isName()) {
            throw expected("a type name (BOOLEAN, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, TIMESTAMP, DATE)");
        }
        advance();
        String text = name.value();
        boolean decimal = text.equals("decimal") || text.equals("numeric");
        if (decimal && accept(TokenType.LEFT_PAREN)) {
            StringBuilder parameters = new StringBuilder(text).append('(').append(typeParameter());
            if (accept(TokenType.COMMA)) {
                parameters.append(',').append(typeParameter());
            }
            expect(TokenType.RIGHT_PAREN, "',' or ')'");
            text = parameters.append(')').toString();
        }
        try {
            return FloeType.fromSqlName(text);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    /** The precision or scale in {@code DECIMAL(p, s)}: a plain integer. */
    private String typeParameter() {
        Token t = peek();
        if (t.type() != TokenType.INTEGER) {
            throw expected("a number of digits, as in DECIMAL(18, 4)");
        }
        advance();
        return t.text();
    }

    /** {@code expr::type} casts, as in DuckDB and PostgreSQL: {@code price::DECIMAL(10,2)}, {@code '42'::BIGINT}. */
    private Expr postfixCasts(Expr e) {
        while (peek().type() == TokenType.COLON && peek(1).type() == TokenType.COLON) {
            advance();
            advance();
            e = new Cast(e, typeName());
        }
        return e;
    }

    /** {@code CASE [operand] WHEN c THEN r ... [ELSE e] END}. */
    private Expr caseExpression() {
        advance();
        Expr operand = peek().isKeyword("WHEN") ? null : expression();
        List<Case.When> branches = new ArrayList<>();
        while (acceptKeyword("WHEN")) {
            Expr condition = expression();
            expectKeyword("THEN");
            branches.add(new Case.When(condition, expression()));
        }
        if (branches.isEmpty()) {
            throw expected("WHEN");
        }
        Expr otherwise = null;
        if (acceptKeyword("ELSE")) {
            otherwise = expression();
        }
        if (!acceptKeyword("END")) {
            throw expected(otherwise == null ? "WHEN, ELSE or END" : "END");
        }
        return new Case(operand, branches, otherwise);
    }

    /** {@code TIMESTAMP '2024-01-31 12:00:00'}, {@code DATE '2024-01-31'}. */
    private Expr typedLiteral(Token typeName, Token text) {
        String s = text.value().trim();
        try {
            if (typeName.value().equals("date")) {
                return Expressions.lit(LocalDate.parse(s));
            }
            if (s.length() == 10) {
                return Expressions.lit(LocalDate.parse(s).atStartOfDay());
            }
            return Expressions.lit(LocalDateTime.parse(s.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            throw error(text, "cannot read " + text.text() + " as " + typeName.value().toUpperCase(java.util.Locale.ROOT)
                    + "; write " + (typeName.value().equals("date") ? "DATE 'YYYY-MM-DD'" : "TIMESTAMP 'YYYY-MM-DD HH:MM:SS'"));
        }
    }

    /** The number at the current token, negated when a minus sign came just before it. */
    private Expr number(boolean negative) {
        Token t = advance();
        String text = negative ? "-" + t.text() : t.text();
        if (t.type() == TokenType.INTEGER) {
            try {
                return lit(Long.parseLong(text));
            } catch (NumberFormatException e) {
                java.math.BigDecimal exact = new java.math.BigDecimal(text);
                if (FloeType.decimalOf(exact) != null) {
                    return lit(exact);   // past BIGINT: DECIMAL(n,0), as in Spark
                }
                throw error(t, "integer " + text + " has " + exact.precision() + " digits, more than a DECIMAL holds ("
                        + FloeType.MAX_DECIMAL_PRECISION + "); write it as " + text + "e0 for a DOUBLE");
            }
        }
        if (text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            java.math.BigDecimal exact = new java.math.BigDecimal(text);
            if (FloeType.decimalOf(exact) != null) {
                return lit(exact);   // 1.50 is DECIMAL(3,2), as in DuckDB and Spark
            }
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw error(t, "number " + text + " is out of range for DOUBLE");
        }
        return lit(value);
    }

    /** Runs {@code clause}, failing at the first aggregate call in it. */
    private Expr noAggregatesIn(String clauseName, java.util.function.Supplier<Expr> clause) {
        Token outer = firstAggregate;
        firstAggregate = null;
        Expr expr = clause.get();
        if (firstAggregate != null) {
            throw error(firstAggregate, "aggregate functions are not allowed in " + clauseName);
        }
        firstAggregate = outer;
        return expr;
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(pos);
        if (t.type() != TokenType.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            advance();
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String word) {
        if (peek().isKeyword(word)) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(TokenType type, String what) {
        if (!accept(type)) {
            throw expected(what);
        }
    }

    private void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw expected(word);
        }
    }

    /** The next token if it is one of the unreserved {@code words} (lower case); otherwise "expected {what}". */
    private String word(String what, String... words) {
        Token t = peek();
        if (t.type() == TokenType.IDENTIFIER && java.util.Arrays.asList(words).contains(t.value())) {
            advance();
            return t.value();
        }
        throw expected(what);
    }

    private void expectWord(String word) {
        word(word.toUpperCase(java.util.Locale.ROOT), word);
    }

    /** An identifier's name (folded unless quoted). */
    private String name(String what) {
        if (!peek().isName()) {
            throw expected(what);
        }
        return advance().value();
    }

    /** "expected X after 'Y', found Z" at the current token. */
    private SqlSyntaxException expected(String what) {
        Token found = peek();
        String after = pos > 0 ? " after " + tokens.get(pos - 1).describe() : "";
        return error(found, "expected " + what + after + ", found " + found.describe());
    }

    private SqlSyntaxException error(Token at, String detail) {
        return new SqlSyntaxException(sql, at.offset(), detail);
    }
}
