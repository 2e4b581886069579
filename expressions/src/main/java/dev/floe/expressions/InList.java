package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code input IN (v1, v2, ...)} over constant values (literals, or expressions that read no column).
 * SQL's NULL logic: NULL when input is NULL, or when nothing matches and a value is NULL; otherwise
 * whether input equals a value. {@code NOT IN} is {@code NOT (input IN (...))}.
 */
public record InList(Expr input, List<Expr> values) implements Expr {
    public InList {
        requireNonNull(input, "input is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value: " + input.toSql() + " IN ()");
        }
    }

    @Override
    public String toSql() {
        return "(" + input.toSql() + " IN " + values.stream().map(Expr::toSql).collect(Collectors.joining(", ", "(", ")")) + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
