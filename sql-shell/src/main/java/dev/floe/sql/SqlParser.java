package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;

import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Binary;
import dev.floe.expressions.Cast;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Literal;
import dev.floe.expressions.TypeChecker;
import dev.floe.expressions.Unary;
import dev.floe.expressions.UnaryOp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Floe SQL into a {@link SelectStatement} whose expressions are {@code dev.floe.expressions} trees.
 *
 * <pre>
 *  statement   := SELECT select_item [, ...] FROM source [WHERE expr] [GROUP BY expr [, ...]]
 *                 [ORDER BY expr [ASC | DESC] [, ...]] [LIMIT integer] [;]
 *  select_item := * | expr [[AS] name]
 *  source      := read_csv('glob' [, option = literal ...]) [[AS] name] | 'glob' [[AS] name]
 *  expr, loosest first (binary operators associate to the left):
 *     1  OR
 *     2  AND
 *     3  NOT expr                                (prefix)
 *     4  = <> != < <= > >=   expr IS [NOT] NULL  (IS is postfix)
 *     5  + -
 *     6  * / %
 *     7  - expr                                  (prefix; on a number it makes a negative literal)
 *     8  primary := number | 'string' | TRUE | FALSE | NULL | TIMESTAMP 'text' | DATE 'text'
 *                 | [qualifier.]column | function(expr, ...) | count(*) | CAST(expr AS type) | (expr)
 * </pre>
 *
 * Unquoted names are folded to lower case; {@code "Quoted"} names keep their case. Integers are BIGINT
 * literals, numbers with a point or an exponent DOUBLE. A table qualifier is dropped ({@code t.x} is
 * {@code col("x")}), and so is an alias of the source, which nothing can refer to yet.
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
    private static final int ADDITIVE_LEVEL = 5;
    private static final int MULTIPLICATIVE_LEVEL = 6;
    private static final int UNARY_LEVEL = 7;

    private final String sql;
    private final List<Token> tokens;
    private int pos;
    /** The name token of the outermost aggregate call being parsed, or null. */
    private Token enclosingAggregate;
    /** The first aggregate call parsed since the last {@link #noAggregatesIn} began, or null. */
    private Token firstAggregate;

    private SqlParser(String sql) {
        this.sql = sql;
        this.tokens = SqlLexer.tokenize(sql);
    }

    /** Parses one SELECT statement, with an optional trailing semicolon. */
    public static SelectStatement parse(String sql) {
        SqlParser parser = new SqlParser(sql);
        SelectStatement statement = parser.selectStatement();
        parser.endOfStatement(statement);
        return statement;
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

    private SelectStatement selectStatement() {
        expectKeyword("SELECT");
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(TokenType.COMMA));
        if (!peek().isKeyword("FROM")) {
            throw expected("',' or FROM");
        }
        advance();
        Source from = source();
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
        List<OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (accept(TokenType.COMMA));
        }
        Long limit = null;
        if (acceptKeyword("LIMIT")) {
            limit = limit();
        }
        return new SelectStatement(items, from, where, groupBy, orderBy, limit);
    }

    private void endOfStatement(SelectStatement s) {
        if (accept(TokenType.SEMICOLON)) {
            if (peek().type() != TokenType.EOF) {
                throw expected("end of input (one statement at a time)");
            }
            return;
        }
        if (peek().type() == TokenType.EOF) {
            return;
        }
        List<String> next = new ArrayList<>();
        if (s.where() == null && s.groupBy().isEmpty() && s.orderBy().isEmpty() && s.limit() == null) {
            next.add("WHERE");
        }
        if (s.groupBy().isEmpty() && s.orderBy().isEmpty() && s.limit() == null) {
            next.add("GROUP BY");
        }
        if (s.orderBy().isEmpty() && s.limit() == null) {
            next.add("ORDER BY");
        }
        if (s.limit() == null) {
            next.add("LIMIT");
        }
        next.add("';'");
        throw expected(String.join(", ", next) + " or end of input");
    }

    private SelectItem selectItem() {
        if (accept(TokenType.STAR)) {
            return SelectItem.star();
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
        if (acceptKeyword("DESC")) {
            return new OrderItem(expr, false);
        }
        acceptKeyword("ASC");
        return new OrderItem(expr, true);
    }

    private Long limit() {
        Token t = peek();
        if (t.type() != TokenType.INTEGER) {
            throw expected("a row count");
        }
        advance();
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "LIMIT " + t.text() + " is out of range; the largest is " + Long.MAX_VALUE);
        }
    }

    // ---- FROM ----

    private Source source() {
        Source source;
        Token t = peek();
        if (t.type() == TokenType.STRING) {
            advance();
            source = new Source.ReadCsv(t.value(), Map.of());
        } else if (t.type() == TokenType.IDENTIFIER && t.value().equals("read_csv")
                && peek(1).type() == TokenType.LEFT_PAREN) {
            source = readCsv();
        } else {
            throw expected("read_csv('path') or a quoted path such as 'data/*.csv'");
        }
        if (acceptKeyword("AS")) {
            name("a name for the source");
        } else if (peek().isName()) {
            advance();
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
            String option = name("an option name (" + String.join(", ", Source.ReadCsv.KNOWN_OPTIONS) + ")");
            if (!Source.ReadCsv.KNOWN_OPTIONS.contains(option)) {
                throw error(name, unknownOption(option));
            }
            if (options.containsKey(option)) {
                throw error(name, "read_csv option '" + option + "' is given twice");
            }
            expect(TokenType.EQ, "'='");
            Token valueToken = peek();
            options.put(option, optionValue(option, valueToken, literalValue()));
        }
        expect(TokenType.RIGHT_PAREN, "',' or ')'");
        return new Source.ReadCsv(glob.value(), options);
    }

    private static String unknownOption(String option) {
        StringBuilder sb = new StringBuilder("unknown read_csv option '").append(option).append("'");
        String nearest = null;
        for (String known : Source.ReadCsv.KNOWN_OPTIONS) {
            if (nearest == null || TypeChecker.editDistance(known, option) < TypeChecker.editDistance(nearest, option)) {
                nearest = known;
            }
        }
        if (TypeChecker.editDistance(nearest, option) <= Math.max(2, option.length() / 3)) {
            sb.append("; did you mean '").append(nearest).append("'?");
        }
        return sb.append(" Known options: ").append(String.join(", ", Source.ReadCsv.KNOWN_OPTIONS)).toString();
    }

    /** Checks an option's value; returns it as the map holds it. */
    private Object optionValue(String option, Token at, Object value) {
        switch (option) {
            case "header":
                if (!(value instanceof Boolean)) {
                    throw error(at, "read_csv option header takes TRUE or FALSE, not " + at.text());
                }
                return value;
            case "delim":
                if (value instanceof String s && s.equals("\\t")) {
                    return "\t";
                }
                if (!(value instanceof String s) || s.length() != 1) {
                    throw error(at, "read_csv option delim takes one character, such as ',' or '\\t', not "
                            + at.text());
                }
                return value;
            default:
                throw new IllegalStateException("option '" + option + "' is known but has no check");
        }
    }

    /** A literal as a Java value: Boolean, String, Long, Double. */
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
            return ((Literal) number(negative)).value();
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
            BinaryOp op = binaryOperator(t);
            if (op == null || level(op) < minLevel) {
                return left;
            }
            advance();
            left = new Binary(op, left, expression(level(op) + 1));
        }
    }

    private Expr prefix() {
        if (acceptKeyword("NOT")) {
            return new Unary(UnaryOp.NOT, expression(NOT_LEVEL));
        }
        if (accept(TokenType.MINUS)) {
            TokenType next = peek().type();
            if (next == TokenType.INTEGER || next == TokenType.DECIMAL) {
                return number(true);
            }
            return new Unary(UnaryOp.NEGATE, expression(UNARY_LEVEL));
        }
        return primary();
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
                break;
            case IDENTIFIER:
            case QUOTED_IDENTIFIER:
                return nameExpression();
            default:
                break;
        }
        throw expected("an expression");
    }

    /** A column, a qualified column, a function call, or a typed literal. */
    private Expr nameExpression() {
        Token name = advance();
        if (peek().type() == TokenType.LEFT_PAREN) {
            return functionCall(name);
        }
        if (name.type() == TokenType.IDENTIFIER && peek().type() == TokenType.STRING
                && (name.value().equals("timestamp") || name.value().equals("date"))) {
            return typedLiteral(name, advance());
        }
        if (accept(TokenType.DOT)) {
            return col(name("a column name"));
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
        if (args.size() != f.arity()) {
            throw error(name, function + "() takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                    + " but got " + args.size());
        }
        Expr call = f.build().apply(args);
        return f.aggregate() ? aggregateSeen(name, call) : call;
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
        Expr input = expression();
        expectKeyword("AS");
        Token typeName = peek();
        if (!typeName.isName()) {
            throw expected("a type name (BOOLEAN, BIGINT, DOUBLE, VARCHAR, TIMESTAMP, DATE)");
        }
        advance();
        FloeType type;
        try {
            type = FloeType.fromSqlName(typeName.value());
        } catch (IllegalArgumentException e) {
            throw error(typeName, e.getMessage());
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        return new Cast(input, type);
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
                throw error(t, "integer " + text + " is out of range for BIGINT; write it as " + text
                        + ".0 for a DOUBLE");
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
