package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;

/** One key of an ORDER BY: {@code expr [ASC | DESC]}. */
public record OrderItem(Expr expr, boolean ascending) {
    public OrderItem {
        requireNonNull(expr, "expr is null");
    }

    public String toSql() {
        return ascending ? expr.toSql() : expr.toSql() + " DESC";
    }
}
