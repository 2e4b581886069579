package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** A reference to a column of the input by name. */
public record Column(String name) implements Expr {
    public Column {
        requireNonNull(name, "name is null");
    }

    @Override
    public String toSql() {
        return Expressions.quoteIdentifier(name);
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public String toString() {
        return toSql();
    }
}
