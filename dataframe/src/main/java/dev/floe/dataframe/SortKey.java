package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;

/** A sort key for {@link DataFrame#sort}: NULLs last when ascending, first when descending, by default. */
public record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(expr, "expr is null");
    }

    public static SortKey asc(Expr e) {
        return new SortKey(e, true, false);
    }

    public static SortKey desc(Expr e) {
        return new SortKey(e, false, true);
    }

    public static SortKey asc(String column) {
        return asc(Expressions.col(column));
    }

    public static SortKey desc(String column) {
        return desc(Expressions.col(column));
    }

    public SortKey nullsFirst(boolean first) {
        return new SortKey(expr, ascending, first);
    }
}
