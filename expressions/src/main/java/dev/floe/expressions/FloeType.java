package dev.floe.expressions;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The value types of Floe and the Arrow type each one is stored as.
 *
 * <pre>
 *  Floe type   SQL name    Arrow vector            value in the vector
 *  BOOLEAN     BOOLEAN     BitVector               1 bit
 *  INT64       BIGINT      BigIntVector            long
 *  FLOAT64     DOUBLE      Float8Vector            double
 *  STRING      VARCHAR     VarCharVector           UTF-8 bytes
 *  TIMESTAMP   TIMESTAMP   TimeStampMicroVector    microseconds since 1970-01-01 00:00:00 (no zone; UTC instants)
 *  DATE        DATE        DateDayVector           days since 1970-01-01
 * </pre>
 */
public enum FloeType {
    BOOLEAN("BOOLEAN", ArrowType.Bool.INSTANCE),
    INT64("BIGINT", new ArrowType.Int(64, true)),
    FLOAT64("DOUBLE", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    STRING("VARCHAR", ArrowType.Utf8.INSTANCE),
    TIMESTAMP("TIMESTAMP", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    DATE("DATE", new ArrowType.Date(DateUnit.DAY));

    private final String sqlName;
    private final ArrowType arrowType;

    FloeType(String sqlName, ArrowType arrowType) {
        this.sqlName = sqlName;
        this.arrowType = arrowType;
    }

    public String sqlName() {
        return sqlName;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    public boolean isNumeric() {
        return this == INT64 || this == FLOAT64;
    }

    public boolean isTemporal() {
        return this == TIMESTAMP || this == DATE;
    }

    /** The Floe type stored as {@code type}, or an {@link IllegalArgumentException} for a type Floe does not handle. */
    public static FloeType fromArrow(ArrowType type) {
        for (FloeType t : values()) {
            if (t.arrowType.equals(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Arrow type " + type + " has no Floe type; Floe reads "
                + java.util.Arrays.toString(values()));
    }

    /** Parses a SQL type name (BIGINT, INTEGER, DOUBLE, VARCHAR, TEXT, ...), case-insensitively. */
    public static FloeType fromSqlName(String name) {
        switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "BOOLEAN": case "BOOL": return BOOLEAN;
            case "BIGINT": case "INT64": case "LONG": case "INTEGER": case "INT": return INT64;
            case "DOUBLE": case "FLOAT64": case "FLOAT": case "REAL": return FLOAT64;
            case "VARCHAR": case "STRING": case "TEXT": return STRING;
            case "TIMESTAMP": case "DATETIME": return TIMESTAMP;
            case "DATE": return DATE;
            default:
                throw new IllegalArgumentException("unknown type '" + name
                        + "'; use one of BOOLEAN, BIGINT, DOUBLE, VARCHAR, TIMESTAMP, DATE");
        }
    }
}
