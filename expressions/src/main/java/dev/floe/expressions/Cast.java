package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** {@code CAST(input AS type)}. */
public record Cast(Expr input, FloeType type) implements Expr {
    public Cast {
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toSql() {
        return "CAST(" + input.toSql() + " AS " + type.sqlName() + ")";
    }

    @Override
    public String outputName() {
        return input.outputName();
    }

    @Override
    public String toString() {
        return toSql();
    }
}
