package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** One calendar field of a TIMESTAMP or DATE, as an INT64: {@code hour(timestamp)}. */
public record DatePart(Unit unit, Expr input) implements Expr {
    /** The fields that can be extracted, each named as its SQL function. */
    public enum Unit {
        YEAR, MONTH, DAY, HOUR, MINUTE, SECOND;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DatePart {
        requireNonNull(unit, "unit is null");
        requireNonNull(input, "input is null");
    }

    @Override
    public String toSql() {
        return unit.sqlName() + "(" + input.toSql() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
