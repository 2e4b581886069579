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
        return function == AggregateFunction.COUNT_STAR ? "count_star()" : function.sqlName() + "(" + input.toSql() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
