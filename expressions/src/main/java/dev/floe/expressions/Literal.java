package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * A constant. {@code value} is null (SQL NULL) or the Java form of {@code type}: Boolean, Long, Double,
 * String, a Long of microseconds for TIMESTAMP, an Integer of days for DATE.
 */
public record Literal(Object value, FloeType type) implements Expr {
    public Literal {
        requireNonNull(type, "type is null");
        if (value != null) {
            Class<?> expected = switch (type) {
                case BOOLEAN -> Boolean.class;
                case INT64, TIMESTAMP -> Long.class;
                case FLOAT64 -> Double.class;
                case STRING -> String.class;
                case DATE -> Integer.class;
            };
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("a " + type + " literal holds a " + expected.getSimpleName()
                        + ", not " + value.getClass().getSimpleName() + " " + value);
            }
        }
    }

    @Override
    public String toSql() {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case TIMESTAMP -> "TIMESTAMP '" + Temporal.formatTimestamp((Long) value) + "'";
            case DATE -> "DATE '" + Temporal.formatDate((Integer) value) + "'";
            case FLOAT64 -> Double.toString((Double) value);
            default -> value.toString();
        };
    }

    @Override
    public String toString() {
        return toSql();
    }
}
