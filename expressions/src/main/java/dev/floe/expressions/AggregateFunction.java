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
    MAX;

    public String sqlName() {
        return this == MEAN ? "avg" : name().toLowerCase(Locale.ROOT);
    }
}
