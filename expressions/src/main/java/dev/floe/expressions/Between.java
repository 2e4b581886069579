package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** {@code input BETWEEN low AND high}: {@code low <= input AND input <= high}, with SQL's NULL logic. */
public record Between(Expr input, Expr low, Expr high) implements Expr {
    public Between {
        requireNonNull(input, "input is null");
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    @Override
    public String toSql() {
        return "(" + input.toSql() + " BETWEEN " + low.toSql() + " AND " + high.toSql() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
