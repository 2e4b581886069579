package dev.floe.expressions;

/**
 * Static factories for expressions; {@code import static dev.floe.expressions.Expressions.*}.
 *
 * <pre>{@code
 * col("timestamp").dt().hour().as("hour")
 * mean(col("value")).as("mean_value")
 * col("value").gt(0.5).and(col("name").eq("Alice"))
 * }</pre>
 */
public final class Expressions {
    private Expressions() {
    }

    public static Expr col(String name) {
        return new Column(name);
    }

    /**
     * A literal from a Java value: Boolean, Integer/Long (INT64), Float/Double (FLOAT64), String,
     * LocalDateTime (TIMESTAMP), LocalDate (DATE), BigDecimal (DECIMAL of its digits and scale: 12.50 is
     * DECIMAL(4,2)), or an {@link Expr}, which is returned as it is (so the
     * fluent methods take either). {@code lit(null)} is SQL's untyped NULL ({@link NullLiteral}), which takes
     * the type its context needs: {@code col("name").eq(lit(null))} compares VARCHARs (and is NULL).
     */
    public static Expr lit(Object value) {
        if (value instanceof Expr e) {
            return e;
        }
        if (value == null) {
            return new NullLiteral();
        }
        if (value instanceof Boolean b) {
            return new Literal(b, FloeType.BOOLEAN);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Literal(((Number) value).longValue(), FloeType.INT64);
        }
        if (value instanceof Double || value instanceof Float) {
            return new Literal(((Number) value).doubleValue(), FloeType.FLOAT64);
        }
        if (value instanceof String s) {
            return new Literal(s, FloeType.STRING);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return new Literal(Temporal.toMicros(t), FloeType.TIMESTAMP);
        }
        if (value instanceof java.time.LocalDate d) {
            return new Literal((int) d.toEpochDay(), FloeType.DATE);
        }
        if (value instanceof java.math.BigDecimal d) {
            java.math.BigDecimal v = d.scale() < 0 ? d.setScale(0) : d;
            FloeType type = FloeType.decimalOf(v);
            if (type == null) {
                throw new IllegalArgumentException("no DECIMAL literal for " + v.toPlainString() + ": it has "
                        + Math.max(v.precision(), v.scale()) + " digits, more than " + FloeType.MAX_DECIMAL_PRECISION);
            }
            return new Literal(v, type);
        }
        throw new IllegalArgumentException("no Floe literal for " + value.getClass().getName() + " " + value);
    }

    /** A typed NULL. */
    public static Expr nullOf(FloeType type) {
        return new Literal(null, type);
    }

    public static Expr countStar() {
        return new AggregateCall(AggregateFunction.COUNT_STAR, null);
    }

    public static Expr count(Expr e) {
        return new AggregateCall(AggregateFunction.COUNT, e);
    }

    public static Expr sum(Expr e) {
        return new AggregateCall(AggregateFunction.SUM, e);
    }

    public static Expr mean(Expr e) {
        return new AggregateCall(AggregateFunction.MEAN, e);
    }

    public static Expr avg(Expr e) {
        return mean(e);
    }

    public static Expr min(Expr e) {
        return new AggregateCall(AggregateFunction.MIN, e);
    }

    public static Expr max(Expr e) {
        return new AggregateCall(AggregateFunction.MAX, e);
    }

    /** Sample standard deviation (SQL {@code stddev}, = stddev_samp). */
    public static Expr std(Expr e) {
        return new AggregateCall(AggregateFunction.STDDEV, e);
    }

    /** Sample variance (SQL {@code variance}, = var_samp). */
    public static Expr var(Expr e) {
        return new AggregateCall(AggregateFunction.VARIANCE, e);
    }

    /** The first non-NULL value in file order. */
    public static Expr first(Expr e) {
        return new AggregateCall(AggregateFunction.FIRST, e);
    }

    /** The last non-NULL value in file order. */
    public static Expr last(Expr e) {
        return new AggregateCall(AggregateFunction.LAST, e);
    }

    /** The number of distinct non-NULL values, exact (SQL {@code count(DISTINCT x)}). */
    public static Expr nunique(Expr e) {
        return new AggregateCall(AggregateFunction.NUNIQUE, e);
    }

    /** A user-defined aggregate of {@code e}; see {@link Aggregation}. */
    public static Expr custom(Aggregation<?> aggregation, Expr e) {
        return new AggregateCall(AggregateFunction.CUSTOM, e, aggregation);
    }

    public static Expr countDistinct(Expr e) {
        return nunique(e);
    }

    public static Expr std(String column) { return std(col(column)); }
    public static Expr var(String column) { return var(col(column)); }
    public static Expr first(String column) { return first(col(column)); }
    public static Expr last(String column) { return last(col(column)); }
    public static Expr nunique(String column) { return nunique(col(column)); }

    public static Expr count(String column) { return count(col(column)); }
    public static Expr sum(String column) { return sum(col(column)); }
    public static Expr mean(String column) { return mean(col(column)); }
    public static Expr min(String column) { return min(col(column)); }
    public static Expr max(String column) { return max(col(column)); }

    // ---- scalar functions: see ScalarFunction; x may be an Expr or a Java value (lit) ----

    private static Expr call(ScalarFunction f, Object... args) {
        return new FunctionCall(f, java.util.Arrays.stream(args).map(Expressions::lit).toList());
    }

    /** |x|; BIGINT stays BIGINT (abs of the smallest BIGINT is an overflow error). */
    public static Expr abs(Object x) { return call(ScalarFunction.ABS, x); }
    /** round(x, 0). */
    public static Expr round(Object x) { return call(ScalarFunction.ROUND, x); }
    /**
     * x rounded to {@code digits} decimal places (negative: to tens, hundreds, ...), half away from zero
     * as in DuckDB: {@code round(x * 10^d) / 10^d} in DOUBLE (so 2.675 -> 2.67, as 2.675 is 2.67499.. in binary).
     * BIGINT stays BIGINT.
     */
    public static Expr round(Object x, Object digits) { return call(ScalarFunction.ROUND, x, digits); }
    public static Expr floor(Object x) { return call(ScalarFunction.FLOOR, x); }
    public static Expr ceil(Object x) { return call(ScalarFunction.CEIL, x); }
    /** Square root as DOUBLE; of a negative number an error, as in DuckDB (NaN in, NaN out). */
    public static Expr sqrt(Object x) { return call(ScalarFunction.SQRT, x); }
    /** Natural logarithm as DOUBLE; of zero or a negative number an error, as in DuckDB. */
    public static Expr ln(Object x) { return call(ScalarFunction.LN, x); }
    /** Base-10 logarithm as DOUBLE; of zero or a negative number an error, as in DuckDB. */
    public static Expr log10(Object x) { return call(ScalarFunction.LOG10, x); }
    public static Expr exp(Object x) { return call(ScalarFunction.EXP, x); }
    /** x to the power y as DOUBLE (Java's Math.pow: pow(-8, 1/3) is NaN). */
    public static Expr pow(Object x, Object y) { return call(ScalarFunction.POW, x, y); }

    /** The first non-NULL argument; the arguments get one common type. */
    public static Expr coalesce(Object... args) { return call(ScalarFunction.COALESCE, args); }
    /** NULL where a = b, else a. */
    public static Expr nullif(Object a, Object b) { return call(ScalarFunction.NULLIF, a, b); }
    /** Searched CASE: {@code when(cond).then(v)...otherwise(e)}. */
    public static CaseBuilder.Then when(Expr condition) {
        return new CaseBuilder(null, java.util.List.of()).when(condition);
    }
    /** Simple CASE: {@code caseOf(x).when(v).then(r)...otherwise(e)} is {@code CASE x WHEN v THEN r ... END}. */
    public static CaseBuilder caseOf(Expr operand) {
        return new CaseBuilder(java.util.Objects.requireNonNull(operand, "operand is null"), java.util.List.of());
    }

    /** TRY_CAST(x AS type): NULL where the value cannot be converted. */
    public static Expr tryCast(Expr x, FloeType type) { return new TryCast(x, type); }

    public static Expr lower(Object s) { return call(ScalarFunction.LOWER, s); }
    public static Expr upper(Object s) { return call(ScalarFunction.UPPER, s); }
    /** The number of characters (Unicode code points, not bytes). */
    public static Expr length(Object s) { return call(ScalarFunction.LENGTH, s); }
    /** Removes leading and trailing spaces: the Unicode space separators (U+0020, U+00A0, ...), as DuckDB's trim. */
    public static Expr trim(Object s) { return call(ScalarFunction.TRIM, s); }
    public static Expr ltrim(Object s) { return call(ScalarFunction.LTRIM, s); }
    public static Expr rtrim(Object s) { return call(ScalarFunction.RTRIM, s); }
    /**
     * {@code length} characters from the 1-based position {@code start}, as DuckDB: start 0 reads from
     * before the first character, a negative start counts from the end (-1 is the last character); a
     * negative length gives ''.
     */
    public static Expr substring(Object s, Object start, Object length) { return call(ScalarFunction.SUBSTRING, s, start, length); }
    /** From the 1-based position {@code start} to the end. */
    public static Expr substring(Object s, Object start) { return call(ScalarFunction.SUBSTRING, s, start); }
    /** The arguments (cast to VARCHAR) joined; NULLs are skipped, as DuckDB's concat (the operator || gives NULL). */
    public static Expr concat(Object... args) { return call(ScalarFunction.CONCAT, args); }
    /** Every occurrence of {@code from} replaced by {@code to}. */
    public static Expr replace(Object s, Object from, Object to) { return call(ScalarFunction.REPLACE, s, from, to); }
    public static Expr contains(Object s, Object part) { return call(ScalarFunction.CONTAINS, s, part); }
    public static Expr startsWith(Object s, Object prefix) { return call(ScalarFunction.STARTS_WITH, s, prefix); }
    public static Expr endsWith(Object s, Object suffix) { return call(ScalarFunction.ENDS_WITH, s, suffix); }
    /** Whether {@code pattern} (java.util.regex, a constant) matches anywhere in s (as DuckDB's regexp_matches). */
    public static Expr regexpMatches(Object s, String pattern) { return call(ScalarFunction.REGEXP_MATCHES, s, pattern); }
    /** Group {@code group} of the first match of {@code pattern} in s; '' when there is none (as DuckDB). */
    public static Expr regexpExtract(Object s, String pattern, int group) {
        return call(ScalarFunction.REGEXP_EXTRACT, s, pattern, (long) group);
    }
    public static Expr regexpExtract(Object s, String pattern) { return call(ScalarFunction.REGEXP_EXTRACT, s, pattern); }
    /** s padded on the left with {@code fill} to {@code length} characters, or cut to it (as DuckDB). */
    public static Expr lpad(Object s, Object length, Object fill) { return call(ScalarFunction.LPAD, s, length, fill); }
    public static Expr rpad(Object s, Object length, Object fill) { return call(ScalarFunction.RPAD, s, length, fill); }

    /** {@code date_trunc(unit, ts)}: unit is year, quarter, month, week (ISO, Monday), day, hour, minute or second. */
    public static Expr dateTrunc(String unit, Object ts) {
        DateUnit u = DateUnit.parse(unit);
        return call(ScalarFunction.DATE_TRUNC, u.sqlName(), ts);
    }

    /**
     * {@code date_diff(unit, start, end)} as BIGINT: how many unit boundaries lie between start and end, as
     * DuckDB's date_diff ({@code date_diff('hour', 01:59, 02:00)} is 1; months and years by calendar fields);
     * weeks are ISO weeks (Monday boundaries). {@code end - start} on TIMESTAMPs is
     * {@code date_diff('microsecond', start, end)}, on DATEs {@code date_diff('day', start, end)}.
     */
    public static Expr dateDiff(String unit, Object start, Object end) {
        return call(ScalarFunction.DATE_DIFF, DateUnit.parse(unit).sqlName(), start, end);
    }

    /**
     * {@code date_add(unit, n, ts)}: ts plus n units (SQL {@code ts + INTERVAL 'n unit'}). Months, quarters and
     * years move the calendar fields and clamp the day to the month's end (Jan 31 + 1 month = Feb 28/29);
     * the others add a fixed length. On a DATE the unit must be a day or longer and the result is a DATE.
     */
    public static Expr dateAdd(String unit, Object n, Object ts) {
        return call(ScalarFunction.DATE_ADD, DateUnit.parse(unit).sqlName(), n, ts);
    }

    /**
     * {@code time_bucket(width, ts)}: ts floored to a multiple of {@code width} counted from DuckDB's origin,
     * Monday 2000-01-03 00:00 (for widths that divide a day, any Monday midnight gives the same buckets).
     */
    public static Expr timeBucket(java.time.Duration width, Object ts) {
        return call(ScalarFunction.TIME_BUCKET, Intervals.format(Intervals.micros(width)), ts);
    }

    /** {@code time_bucket(width, ts, origin)}: buckets counted from {@code origin}, a TIMESTAMP constant. */
    public static Expr timeBucket(java.time.Duration width, Object ts, Object origin) {
        return call(ScalarFunction.TIME_BUCKET, Intervals.format(Intervals.micros(width)), ts, origin);
    }

    /** Quotes a column name for SQL when it is not a plain lower-case identifier. */
    public static String quoteIdentifier(String name) {
        if (name.matches("[a-z_][a-z0-9_]*") && !SqlKeywords.isReserved(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
