package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** Gives {@code input}'s result column the name {@code name}. */
public record Alias(Expr input, String name) implements Expr {
    public Alias {
        requireNonNull(input, "input is null");
        requireNonNull(name, "name is null");
    }

    @Override
    public String toSql() {
        return input.toSql() + " AS " + Expressions.quoteIdentifier(name);
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
