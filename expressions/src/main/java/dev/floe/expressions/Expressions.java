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
     * A literal from a Java value: Boolean, Integer/Long (INT64), Float/Double (FLOAT64), String, or an
     * {@link Expr}, which is returned as it is (so the fluent methods take either).
     */
    public static Expr lit(Object value) {
        if (value instanceof Expr e) {
            return e;
        }
        if (value == null) {
            return new Literal(null, FloeType.INT64);
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

    public static Expr count(String column) { return count(col(column)); }
    public static Expr sum(String column) { return sum(col(column)); }
    public static Expr mean(String column) { return mean(col(column)); }
    public static Expr min(String column) { return min(col(column)); }
    public static Expr max(String column) { return max(col(column)); }

    /** Quotes a column name for SQL when it is not a plain lower-case identifier. */
    public static String quoteIdentifier(String name) {
        if (name.matches("[a-z_][a-z0-9_]*") && !SqlKeywords.isReserved(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
