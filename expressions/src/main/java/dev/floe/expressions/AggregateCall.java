package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate over the rows of a group: {@code avg(value)}. {@code input} is null only for
 * {@code count(*)}. Valid only where a plan aggregates.
 */
public record AggregateCall(AggregateFunction function, Expr input) implements Expr {
    public AggregateCall {
        requireNonNull(function, "function is null");
        if ((input == null) != (function == AggregateFunction.COUNT_STAR)) {
            throw new IllegalArgumentException(function + (input == null ? " needs an input" : " takes no input"));
        }
    }

    @Override
    public String toSql() {
        if (function == AggregateFunction.COUNT_STAR) {
            return "count_star()";
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
