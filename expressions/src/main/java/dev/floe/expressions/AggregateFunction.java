package dev.floe.expressions;

import java.util.Locale;

/** The built-in aggregate functions. */
public enum AggregateFunction {
    /** Rows in the group. */
    COUNT_STAR,
    /** Non-NULL values. */
    COUNT,
    /** Sum of non-NULL values; NULL when there are none. */
    SUM,
    /** Arithmetic mean of non-NULL values as FLOAT64; NULL when there are none. */
    MEAN,
    MIN,
    MAX,
    /** Sample standard deviation (n - 1) of non-NULL numbers as DOUBLE; NULL for fewer than two. */
    STDDEV,
    /** Sample variance (n - 1) of non-NULL numbers as DOUBLE; NULL for fewer than two. */
    VARIANCE,
    /** The first non-NULL value in file order; NULL when there is none. */
    FIRST,
    /** The last non-NULL value in file order; NULL when there is none. */
    LAST,
    /** The number of distinct non-NULL values (exact), as BIGINT: prints as {@code count(DISTINCT x)}. */
    NUNIQUE,
    /** A user-defined {@link Aggregation}, carried by the {@link AggregateCall}. */
    CUSTOM;

    public String sqlName() {
        return switch (this) {
            case MEAN -> "avg";
            case NUNIQUE -> "count_distinct";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
