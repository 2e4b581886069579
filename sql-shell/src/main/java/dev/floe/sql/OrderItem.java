package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;

/**
 * One key of an ORDER BY: {@code expr [ASC | DESC] [NULLS FIRST | NULLS LAST]}. {@code nullsFirst} is null
 * when not written: NULLs then sort last ascending and first descending (as {@code SortKey} does).
 */
public record OrderItem(Expr expr, boolean ascending, Boolean nullsFirst) {
    public OrderItem {
        requireNonNull(expr, "expr is null");
    }

    public OrderItem(Expr expr, boolean ascending) {
        this(expr, ascending, null);
    }

    /** Whether NULLs come first, with the default filled in. */
    public boolean effectiveNullsFirst() {
        return nullsFirst != null ? nullsFirst : !ascending;
    }

    public OrderItem withExpr(Expr e) {
        return new OrderItem(e, ascending, nullsFirst);
    }

    public String toSql() {
        String sql = ascending ? expr.toSql() : expr.toSql() + " DESC";
        return nullsFirst == null ? sql : sql + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
