package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/**
 * A constant. {@code value} is null (SQL NULL) or the Java form of {@code type}: Boolean, Long, Double,
 * String, a Long of microseconds for TIMESTAMP, an Integer of days for DATE, a BigDecimal of exactly the
 * type's scale for a DECIMAL.
 */
public record Literal(Object value, FloeType type) implements Expr {
    public Literal {
        requireNonNull(type, "type is null");
        if (value != null) {
            Class<?> expected = switch (type.kind()) {
                case BOOLEAN -> Boolean.class;
                case INT64, TIMESTAMP -> Long.class;
                case FLOAT64 -> Double.class;
                case STRING -> String.class;
                case DATE -> Integer.class;
                case DECIMAL -> java.math.BigDecimal.class;
            };
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("a " + type + " literal holds a " + expected.getSimpleName()
                        + ", not " + value.getClass().getSimpleName() + " " + value);
            }
            if (type.isDecimal()) {
                java.math.BigDecimal decimal = (java.math.BigDecimal) value;
                if (decimal.scale() != type.scale() || decimal.precision() - decimal.scale() > type.precision() - type.scale()) {
                    throw new IllegalArgumentException("a " + type + " literal holds a BigDecimal of scale " + type.scale()
                            + " with at most " + (type.precision() - type.scale()) + " digits before the point, not "
                            + decimal.toPlainString());
                }
            }
        }
    }

    @Override
    public String toSql() {
        if (value == null) {
            return "NULL";
        }
        return switch (type.kind()) {
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case TIMESTAMP -> "TIMESTAMP '" + Temporal.formatTimestamp((Long) value) + "'";
            case DATE -> "DATE '" + Temporal.formatDate((Integer) value) + "'";
            case FLOAT64 -> Double.toString((Double) value);
            case DECIMAL -> decimalSql((java.math.BigDecimal) value);
            default -> value.toString();
        };
    }

    /**
     * A decimal as SQL reads it back: plain digits ({@code 1.50}) when those digits alone are this type (SQL
     * types {@code 1.50} DECIMAL(3,2), as {@link Expressions#lit} does), else a cast of them to the type.
     */
    private String decimalSql(java.math.BigDecimal decimal) {
        String digits = decimal.toPlainString();
        boolean readsBack = FloeType.decimalOf(decimal) == type && type.scale() > 0;   // "1000" would read back as a BIGINT
        return readsBack ? digits : "CAST('" + digits + "' AS " + type.sqlName() + ")";
    }

    @Override
    public String toString() {
        return toSql();
    }
}
