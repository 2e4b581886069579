package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;

/** One entry of a select list: {@code *}, {@code t.*}, or an expression with an optional alias. */
public sealed interface SelectItem permits SelectItem.Star, SelectItem.Single {

    String toSql();

    static SelectItem star() {
        return new Star(null);
    }

    static SelectItem star(String qualifier) {
        return new Star(qualifier);
    }

    static SelectItem of(Expr expr) {
        return new Single(expr, null);
    }

    static SelectItem of(Expr expr, String alias) {
        return new Single(expr, alias);
    }

    /**
     * {@code *}: every column of the FROM clause, in order; {@code t.*} (a non-null {@code qualifier}):
     * every column of the source named {@code t}.
     */
    record Star(String qualifier) implements SelectItem {
        @Override
        public String toSql() {
            return qualifier == null ? "*" : Expressions.quoteIdentifier(qualifier) + ".*";
        }
    }

    /** {@code expr [AS alias]}; {@code alias} is null when none was given. */
    record Single(Expr expr, String alias) implements SelectItem {
        public Single {
            requireNonNull(expr, "expr is null");
        }

        /** The result column's name: the alias, else {@link Expr#outputName()}. */
        public String outputName() {
            return alias != null ? alias : expr.outputName();
        }

        @Override
        public String toSql() {
            return alias == null ? expr.toSql() : expr.toSql() + " AS " + Expressions.quoteIdentifier(alias);
        }
    }
}
