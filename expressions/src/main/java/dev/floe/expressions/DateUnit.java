package dev.floe.expressions;

import java.util.Locale;

/**
 * The units of {@code date_trunc}, {@code date_diff} and {@code date_add}, named as in SQL
 * ({@code date_trunc('hour', ts)}). Weeks are ISO weeks, starting on Monday.
 */
public enum DateUnit {
    YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a value of this unit has a fixed length in microseconds (WEEK and finer). */
    public boolean isFixed() {
        return ordinal() >= WEEK.ordinal();
    }

    /** Whether this unit is finer than a day (HOUR and finer). */
    public boolean isTimeOfDay() {
        return ordinal() > DAY.ordinal();
    }

    /** The length in microseconds of a fixed unit (WEEK and finer). */
    public long micros() {
        return switch (this) {
            case WEEK -> 7 * Temporal.MICROS_PER_DAY;
            case DAY -> Temporal.MICROS_PER_DAY;
            case HOUR -> 3_600_000_000L;
            case MINUTE -> 60_000_000L;
            case SECOND -> 1_000_000L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1L;
            default -> throw new IllegalStateException(this + " has no fixed length");
        };
    }

    /** The unit named {@code name}, any case, singular or plural ({@code 'hours'}); null if there is none. */
    public static DateUnit lookup(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith("s") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        for (DateUnit u : values()) {
            if (u.sqlName().equals(n)) {
                return u;
            }
        }
        return null;
    }

    /** Like {@link #lookup} but an IllegalArgumentException, listing the units, for an unknown name. */
    public static DateUnit parse(String name) {
        DateUnit u = lookup(java.util.Objects.requireNonNull(name, "name is null"));
        if (u == null) {
            throw new IllegalArgumentException("unknown date unit '" + name + "'; use one of "
                    + java.util.Arrays.stream(values()).map(DateUnit::sqlName).toList());
        }
        return u;
    }
}
