package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * {@code TRY_CAST(input AS type)}: like {@link Cast}, but a value that cannot be converted (text that does
 * not parse, a DOUBLE outside the BIGINT range) becomes NULL instead of failing the query.
 */
public record TryCast(Expr input, FloeType type) implements Expr {
    public TryCast {
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toSql() {
        return "TRY_CAST(" + input.toSql() + " AS " + type.sqlName() + ")";
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
