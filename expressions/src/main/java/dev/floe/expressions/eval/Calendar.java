package dev.floe.expressions.eval;

import dev.floe.expressions.DateUnit;
import dev.floe.expressions.Temporal;

/** Truncation and unit indices on days since the epoch, for the datetime kernels. */
final class Calendar {
    /** 2000-01-03 (a Monday) in microseconds: DuckDB's default origin for time_bucket. */
    static final long DUCKDB_ORIGIN = Temporal.daysFromCivil(2000, 1, 3) * Temporal.MICROS_PER_DAY;

    private Calendar() {
    }

    /** The first day of the year, quarter, month or ISO week holding {@code days}; days itself for DAY and finer. */
    static long truncateDays(long days, DateUnit unit) {
        switch (unit) {
            case YEAR, QUARTER, MONTH -> {
                long civil = Temporal.civilFromDays(days);
                int month = Temporal.month(civil);
                int first = unit == DateUnit.YEAR ? 1 : unit == DateUnit.QUARTER ? (month - 1) / 3 * 3 + 1 : month;
                return Temporal.daysFromCivil(Temporal.year(civil), first, 1);
            }
            case WEEK -> {
                return days - Temporal.isoDayOfWeek(days) + 1;
            }
            default -> {
                return days;
            }
        }
    }

    /** A count of calendar units up to {@code days}, whose differences are date_diff's: months as year * 12 + month, ... */
    static long calendarIndex(long days, DateUnit unit) {
        switch (unit) {
            case YEAR, QUARTER, MONTH -> {
                long civil = Temporal.civilFromDays(days);
                long year = Temporal.year(civil);
                int month = Temporal.month(civil) - 1;
                return unit == DateUnit.YEAR ? year : unit == DateUnit.QUARTER ? year * 4 + month / 3 : year * 12 + month;
            }
            case WEEK -> {
                return Math.floorDiv(days - 4, 7);   // 1970-01-05 was the first Monday
            }
            default -> {
                return days;
            }
        }
    }
}
