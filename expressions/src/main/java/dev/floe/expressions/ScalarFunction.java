package dev.floe.expressions;

import java.util.Locale;

/**
 * The built-in scalar functions, each named as its SQL function, with how many arguments it takes. A
 * {@link FunctionCall} of one prints as {@code name(arg, ...)}, so the SQL parser maps a call by name
 * ({@link #lookup}). Types and semantics are in {@link TypeChecker} and {@link Expressions}.
 */
public enum ScalarFunction {
    // numbers
    ABS(1, 1), ROUND(1, 2), FLOOR(1, 1), CEIL(1, 1), SQRT(1, 1), LN(1, 1), LOG10(1, 1), EXP(1, 1), POW(2, 2),
    // conditionals
    COALESCE(1, Integer.MAX_VALUE), NULLIF(2, 2),
    // strings
    LOWER(1, 1), UPPER(1, 1), LENGTH(1, 1), TRIM(1, 1), LTRIM(1, 1), RTRIM(1, 1), SUBSTRING(2, 3),
    CONCAT(1, Integer.MAX_VALUE), REPLACE(3, 3), CONTAINS(2, 2), STARTS_WITH(2, 2), ENDS_WITH(2, 2),
    REGEXP_MATCHES(2, 2), REGEXP_EXTRACT(2, 3), LPAD(3, 3), RPAD(3, 3),
    // datetime; the unit or interval is a VARCHAR literal: date_trunc('hour', ts), time_bucket('15 minutes', ts)
    DATE_TRUNC(2, 2), TIME_BUCKET(2, 3), DATE_DIFF(3, 3), DATE_ADD(3, 3);

    private final int minArity;
    private final int maxArity;

    ScalarFunction(int minArity, int maxArity) {
        this.minArity = minArity;
        this.maxArity = maxArity;
    }

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int minArity() {
        return minArity;
    }

    public int maxArity() {
        return maxArity;
    }

    /** The function whose SQL name is {@code name} (any case), or null. */
    public static ScalarFunction lookup(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ScalarFunction f : values()) {
            if (f.sqlName().equals(n)) {
                return f;
            }
        }
        return null;
    }
}
