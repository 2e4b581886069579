package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** One calendar field of a TIMESTAMP or DATE, as an INT64: {@code hour(timestamp)}. */
public record DatePart(Unit unit, Expr input) implements Expr {
    /**
     * The fields that can be extracted, each named as its SQL function. Days of the week differ between
     * systems, so there are three: DAY_OF_WEEK is pandas' {@code dt.dayofweek} (and Spark's
     * {@code weekday}): Monday = 0 .. Sunday = 6, printed {@code weekday(x)}; DAYOFWEEK is SQL's (DuckDB,
     * Postgres {@code dow}): Sunday = 0 .. Saturday = 6; ISODOW is ISO's: Monday = 1 .. Sunday = 7. (DuckDB's
     * own {@code weekday} is a synonym of its dayofweek, Sunday = 0: Floe follows Spark there.)
     * WEEK_OF_YEAR is the ISO week (1..53, weeks start on Monday, week 1 holds the year's first Thursday).
     */
    public enum Unit {
        YEAR, MONTH, DAY, HOUR, MINUTE, SECOND,
        QUARTER, DAY_OF_WEEK("weekday"), DAYOFWEEK("dayofweek"), ISODOW("isodow"), DAY_OF_YEAR("dayofyear"),
        WEEK_OF_YEAR("week");

        private final String sqlName;

        Unit() {
            this.sqlName = name().toLowerCase(Locale.ROOT);
        }

        Unit(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }

        /** Whether the field is a calendar field, defined on DATE as well as TIMESTAMP (all but hour, minute, second). */
        public boolean isDateField() {
            return this != HOUR && this != MINUTE && this != SECOND;
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
