package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate over the rows of a group: {@code avg(value)}. {@code input} is null only for
 * {@code count(*)}; {@code custom} is the user's {@link Aggregation} for {@link AggregateFunction#CUSTOM}
 * and null otherwise. Valid only where a plan aggregates.
 */
public record AggregateCall(AggregateFunction function, Expr input, Aggregation<?> custom) implements Expr {
    public AggregateCall(AggregateFunction function, Expr input) {
        this(function, input, null);
    }

    public AggregateCall {
        requireNonNull(function, "function is null");
        if ((custom != null) != (function == AggregateFunction.CUSTOM)) {
            throw new IllegalArgumentException("a CUSTOM aggregate call, and only one, carries an Aggregation");
        }
        if ((input == null) != (function == AggregateFunction.COUNT_STAR)) {
            throw new IllegalArgumentException(function + (input == null ? " needs an input" : " takes no input"));
        }
    }

    @Override
    public String toSql() {
        if (function == AggregateFunction.COUNT_STAR) {
            return "count_star()";
        }
        if (function == AggregateFunction.CUSTOM) {
            return custom.name() + "(" + input.toSql() + ")";
        }
        if (function == AggregateFunction.NUNIQUE) {
            return "count(DISTINCT " + input.toSql() + ")";
        }
        return function.sqlName() + "(" + input.toSql() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
