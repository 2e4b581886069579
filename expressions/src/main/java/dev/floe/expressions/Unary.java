package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** NOT, unary minus, IS NULL, IS NOT NULL. */
public record Unary(UnaryOp op, Expr input) implements Expr {
    public Unary {
        requireNonNull(op, "op is null");
        requireNonNull(input, "input is null");
    }

    @Override
    public String toSql() {
        return switch (op) {
            case NOT -> "(NOT " + input.toSql() + ")";
            case NEGATE -> "(- " + input.toSql() + ")";
            case IS_NULL -> "(" + input.toSql() + " IS NULL)";
            case IS_NOT_NULL -> "(" + input.toSql() + " IS NOT NULL)";
        };
    }

    @Override
    public String toString() {
        return toSql();
    }
}
