package dev.floe.expressions;

import java.io.Serializable;

/**
 * A scalar or aggregate expression: an immutable value that prints as the SQL it means.
 *
 * <p>Expressions are built with {@link Expressions#col(String)}, {@link Expressions#lit(Object)} and the
 * fluent methods below ({@code col("value").gt(0.5).and(col("id").lt(1000))}); two expressions are
 * {@code equals} when they are the same tree. An expression knows nothing about data: its type comes from
 * {@link TypeChecker#typeOf(Expr, Schema)} against a schema, and it is evaluated over Arrow batches by an
 * {@link ExprEvaluator}.
 *
 * <p>{@link AggregateCall} nodes may appear only where a plan aggregates (in {@code agg(...)}, a SQL
 * select list with GROUP BY); the type checker rejects them elsewhere.
 */
public sealed interface Expr extends Serializable
        permits Column, Literal, NullLiteral, Binary, Unary, DatePart, Cast, TryCast, Alias, AggregateCall,
        FunctionCall, Between, InList, Case, Like {

    /** The SQL text of this expression, e.g. {@code (value > 0.5)} or {@code hour(timestamp) AS hour}. */
    String toSql();

    /** The column name a result of this expression gets when the user gives none. */
    default String outputName() {
        return toSql();
    }

    default Expr add(Object other) { return new Binary(BinaryOp.ADD, this, Expressions.lit(other)); }
    default Expr sub(Object other) { return new Binary(BinaryOp.SUB, this, Expressions.lit(other)); }
    default Expr mul(Object other) { return new Binary(BinaryOp.MUL, this, Expressions.lit(other)); }
    default Expr div(Object other) { return new Binary(BinaryOp.DIV, this, Expressions.lit(other)); }
    default Expr mod(Object other) { return new Binary(BinaryOp.MOD, this, Expressions.lit(other)); }

    default Expr eq(Object other) { return new Binary(BinaryOp.EQ, this, Expressions.lit(other)); }
    default Expr ne(Object other) { return new Binary(BinaryOp.NE, this, Expressions.lit(other)); }
    default Expr lt(Object other) { return new Binary(BinaryOp.LT, this, Expressions.lit(other)); }
    default Expr le(Object other) { return new Binary(BinaryOp.LE, this, Expressions.lit(other)); }
    default Expr gt(Object other) { return new Binary(BinaryOp.GT, this, Expressions.lit(other)); }
    default Expr ge(Object other) { return new Binary(BinaryOp.GE, this, Expressions.lit(other)); }

    default Expr and(Expr other) { return new Binary(BinaryOp.AND, this, other); }
    default Expr or(Expr other) { return new Binary(BinaryOp.OR, this, other); }
    default Expr not() { return new Unary(UnaryOp.NOT, this); }
    default Expr negate() { return new Unary(UnaryOp.NEGATE, this); }
    default Expr isNull() { return new Unary(UnaryOp.IS_NULL, this); }
    default Expr isNotNull() { return new Unary(UnaryOp.IS_NOT_NULL, this); }

    /** Floor division, SQL {@code //}: BIGINT for two BIGINTs (-7 // 2 = -4), else DOUBLE floor(x / y); NULL for x // 0. */
    default Expr intDiv(Object other) { return new Binary(BinaryOp.INT_DIV, this, Expressions.lit(other)); }
    /** String concatenation, SQL {@code ||}: NULL if either side is (unlike {@link Expressions#concat}). */
    default Expr concat(Object other) { return new Binary(BinaryOp.CONCAT, this, Expressions.lit(other)); }

    default Expr between(Object low, Object high) {
        return new Between(this, Expressions.lit(low), Expressions.lit(high));
    }

    /** {@code this IN (values...)}; the values are constants. */
    default Expr isin(Object... values) {
        return new InList(this, java.util.Arrays.stream(values).map(Expressions::lit).toList());
    }

    default Expr isin(java.util.Collection<?> values) {
        return new InList(this, values.stream().map(Expressions::lit).toList());
    }

    /** {@code coalesce(this, value)}: pandas' fillna. */
    default Expr fillNull(Object value) { return Expressions.coalesce(this, Expressions.lit(value)); }

    default Expr like(String pattern) { return new Like(this, pattern, null, false); }
    default Expr like(String pattern, String escape) { return new Like(this, pattern, escape, false); }
    default Expr ilike(String pattern) { return new Like(this, pattern, null, true); }

    default Expr cast(FloeType type) { return new Cast(this, type); }
    /** {@code TRY_CAST}: NULL where a value cannot be converted. */
    default Expr tryCast(FloeType type) { return new TryCast(this, type); }

    /** Names this expression's result column. */
    default Expr as(String name) {
        return new Alias(this instanceof Alias a ? a.input() : this, name);
    }

    /** The datetime accessors of a TIMESTAMP or DATE expression, as in pandas' {@code Series.dt}. */
    default DatetimeAccessor dt() {
        return new DatetimeAccessor(this);
    }
}
