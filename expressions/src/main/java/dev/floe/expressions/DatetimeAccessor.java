package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * {@code col("timestamp").dt().hour()}: the calendar fields and rounding of a TIMESTAMP or DATE expression,
 * as in pandas' {@code Series.dt}. Fields are BIGINT. {@link #dayOfWeek} is pandas' (Monday = 0); the SQL
 * numberings are {@link #dayofweekSql} (Sunday = 0) and {@link #isodow} (Monday = 1).
 */
public final class DatetimeAccessor {
    private final Expr input;

    DatetimeAccessor(Expr input) {
        this.input = requireNonNull(input, "input is null");
    }

    public Expr year() { return new DatePart(DatePart.Unit.YEAR, input); }
    public Expr month() { return new DatePart(DatePart.Unit.MONTH, input); }
    public Expr day() { return new DatePart(DatePart.Unit.DAY, input); }
    public Expr hour() { return new DatePart(DatePart.Unit.HOUR, input); }
    public Expr minute() { return new DatePart(DatePart.Unit.MINUTE, input); }
    public Expr second() { return new DatePart(DatePart.Unit.SECOND, input); }
    public Expr quarter() { return new DatePart(DatePart.Unit.QUARTER, input); }
    /** pandas' dayofweek / weekday: Monday = 0 .. Sunday = 6 (SQL {@code weekday(x)}, as in Spark). */
    public Expr dayOfWeek() { return new DatePart(DatePart.Unit.DAY_OF_WEEK, input); }
    /** SQL's dayofweek (DuckDB, Postgres dow): Sunday = 0 .. Saturday = 6. */
    public Expr dayofweekSql() { return new DatePart(DatePart.Unit.DAYOFWEEK, input); }
    /** ISO day of the week: Monday = 1 .. Sunday = 7. */
    public Expr isodow() { return new DatePart(DatePart.Unit.ISODOW, input); }
    /** 1 .. 366. */
    public Expr dayOfYear() { return new DatePart(DatePart.Unit.DAY_OF_YEAR, input); }
    /** The ISO week, 1 .. 53 (pandas' isocalendar().week). */
    public Expr weekOfYear() { return new DatePart(DatePart.Unit.WEEK_OF_YEAR, input); }
    /** The DATE of a TIMESTAMP ({@code CAST(x AS DATE)}). */
    public Expr date() { return new Cast(input, FloeType.DATE); }

    /** {@code date_trunc(unit, x)}: unit is year, quarter, month, week, day, hour, minute or second. */
    public Expr truncate(String unit) { return Expressions.dateTrunc(unit, input); }

    /**
     * pandas' {@code dt.floor(freq)}: down to a multiple of {@code freq} counted from 1970-01-01 00:00
     * ({@code "15min"}, {@code "15T"}, {@code "h"}, {@code "30s"}, {@code "D"}, {@code "500ms"}, {@code "1w"}).
     */
    public Expr floor(String freq) {
        return floor(Intervals.parsePandasFrequency(freq));
    }

    /** Down to a multiple of {@code width} counted from 1970-01-01 00:00. */
    public Expr floor(Duration width) {
        return Expressions.timeBucket(width, input, Expressions.lit(java.time.LocalDateTime.of(1970, 1, 1, 0, 0)));
    }
}
