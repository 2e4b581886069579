package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** {@code left op right}: arithmetic, comparison or AND/OR with SQL three-valued logic. */
public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    public Binary {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public String toSql() {
        return "(" + left.toSql() + " " + op.symbol() + " " + right.toSql() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
