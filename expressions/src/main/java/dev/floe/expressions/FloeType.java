package dev.floe.expressions;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The value types of Floe and the Arrow type each one is stored as.
 *
 * <pre>
 *  Floe type       SQL name        Arrow vector            value in the vector
 *  BOOLEAN         BOOLEAN         BitVector               1 bit
 *  INT64           BIGINT          BigIntVector            long
 *  FLOAT64         DOUBLE          Float8Vector            double
 *  STRING          VARCHAR         VarCharVector           UTF-8 bytes
 *  TIMESTAMP       TIMESTAMP       TimeStampMicroVector    microseconds since 1970-01-01 00:00:00 (no zone; UTC instants)
 *  DATE            DATE            DateDayVector           days since 1970-01-01
 *  decimal(p, s)   DECIMAL(p,s)    DecimalVector (128 bit) the unscaled integer: 12.34 in DECIMAL(9,2) is 1234
 * </pre>
 *
 * <p>The six plain types are constants; a decimal type carries its precision (1 to 38 digits in all)
 * and scale (0 to precision digits after the point). Every type is interned: {@link #decimal} hands
 * back one instance per (precision, scale), deserialisation resolves to it, so types compare with
 * {@code ==} as they did when this was an enum. Code that branches on a type switches on {@link #kind()}.
 */
public final class FloeType implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a type is, without its parameters: the thing to {@code switch} on. */
    public enum Kind { BOOLEAN, INT64, FLOAT64, STRING, TIMESTAMP, DATE, DECIMAL }

    /** The largest precision a decimal may have: what a 128-bit unscaled integer always holds. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final FloeType BOOLEAN = new FloeType(Kind.BOOLEAN, "BOOLEAN", ArrowType.Bool.INSTANCE, 0, 0);
    public static final FloeType INT64 = new FloeType(Kind.INT64, "BIGINT", new ArrowType.Int(64, true), 0, 0);
    public static final FloeType FLOAT64 = new FloeType(Kind.FLOAT64, "DOUBLE",
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), 0, 0);
    public static final FloeType STRING = new FloeType(Kind.STRING, "VARCHAR", ArrowType.Utf8.INSTANCE, 0, 0);
    public static final FloeType TIMESTAMP = new FloeType(Kind.TIMESTAMP, "TIMESTAMP",
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), 0, 0);
    public static final FloeType DATE = new FloeType(Kind.DATE, "DATE", new ArrowType.Date(DateUnit.DAY), 0, 0);

    private static final List<FloeType> PLAIN = List.of(BOOLEAN, INT64, FLOAT64, STRING, TIMESTAMP, DATE);
    private static final ConcurrentMap<Integer, FloeType> DECIMALS = new ConcurrentHashMap<>();
    private static final Pattern DECIMAL_NAME =
            Pattern.compile("(?:DECIMAL|NUMERIC)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private final Kind kind;
    private final String sqlName;
    private final transient ArrowType arrowType;
    private final int precision;
    private final int scale;

    private FloeType(Kind kind, String sqlName, ArrowType arrowType, int precision, int scale) {
        this.kind = kind;
        this.sqlName = sqlName;
        this.arrowType = arrowType;
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * The decimal type with {@code precision} digits in all, {@code scale} of them after the point;
     * DuckDB's and Spark's {@code DECIMAL(p, s)}.
     */
    public static FloeType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new IllegalArgumentException("DECIMAL precision " + precision + " is out of range: it is the number of "
                    + "digits in all and must be 1 to " + MAX_DECIMAL_PRECISION);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("DECIMAL(" + precision + "," + scale + ") has a scale outside 0 to "
                    + precision + ": the scale is the number of digits after the point, at most the precision");
        }
        return DECIMALS.computeIfAbsent(precision * 64 + scale, key -> new FloeType(Kind.DECIMAL,
                "DECIMAL(" + precision + "," + scale + ")", new ArrowType.Decimal(precision, scale, 128), precision, scale));
    }

    /**
     * The DECIMAL of exactly {@code value}'s digits, the type SQL gives it written out: 12.50 is DECIMAL(4,2),
     * -0.05 DECIMAL(2,2), 1E+3 DECIMAL(4,0); null when that needs more than 38 digits.
     */
    public static FloeType decimalOf(java.math.BigDecimal value) {
        java.math.BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(1, Math.max(v.precision(), v.scale()));
        return precision > MAX_DECIMAL_PRECISION ? null : decimal(precision, v.scale());
    }

    /** The six plain types, in the order the enum this class replaced declared them; decimals are not listed. */
    public static List<FloeType> values() {
        return PLAIN;
    }

    public Kind kind() {
        return kind;
    }

    public String sqlName() {
        return sqlName;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    /** Digits in all, for a decimal; 0 for every other type. */
    public int precision() {
        return precision;
    }

    /** Digits after the point, for a decimal; 0 for every other type. */
    public int scale() {
        return scale;
    }

    public boolean isDecimal() {
        return kind == Kind.DECIMAL;
    }

    public boolean isNumeric() {
        return kind == Kind.INT64 || kind == Kind.FLOAT64 || kind == Kind.DECIMAL;
    }

    public boolean isTemporal() {
        return kind == Kind.TIMESTAMP || kind == Kind.DATE;
    }

    /** The constant's name for a plain type ({@code INT64}), the SQL name for a decimal ({@code DECIMAL(18,4)}). */
    @Override
    public String toString() {
        return kind == Kind.DECIMAL ? sqlName : kind.name();
    }

    private Object readResolve() throws ObjectStreamException {
        return kind == Kind.DECIMAL ? decimal(precision, scale) : PLAIN.get(kind.ordinal());
    }

    /** The Floe type stored as {@code type}, or an {@link IllegalArgumentException} for a type Floe does not handle. */
    public static FloeType fromArrow(ArrowType type) {
        for (FloeType t : PLAIN) {
            if (t.arrowType.equals(type)) {
                return t;
            }
        }
        if (type instanceof ArrowType.Decimal decimal && decimal.getBitWidth() == 128) {
            return decimal(decimal.getPrecision(), decimal.getScale());
        }
        throw new IllegalArgumentException("Arrow type " + type + " has no Floe type; Floe reads " + PLAIN
                + " and 128-bit DECIMAL(p,s)");
    }

    /**
     * Parses a SQL type name (BIGINT, INTEGER, DOUBLE, VARCHAR, TEXT, DECIMAL(18,4), ...), case-insensitively.
     * A bare {@code DECIMAL} is DECIMAL(18,3) and {@code DECIMAL(p)} is DECIMAL(p,0), as in DuckDB.
     */
    public static FloeType fromSqlName(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "BOOLEAN": case "BOOL": return BOOLEAN;
            case "BIGINT": case "INT64": case "LONG": case "INTEGER": case "INT": return INT64;
            case "DOUBLE": case "FLOAT64": case "FLOAT": case "REAL": return FLOAT64;
            case "VARCHAR": case "STRING": case "TEXT": return STRING;
            case "TIMESTAMP": case "DATETIME": return TIMESTAMP;
            case "DATE": return DATE;
            default:
                break;
        }
        Matcher m = DECIMAL_NAME.matcher(upper);
        if (m.matches()) {
            if (m.group(1) == null) {
                return decimal(18, 3);
            }
            int precision = parseDigits(m.group(1), name);
            return decimal(precision, m.group(2) == null ? 0 : parseDigits(m.group(2), name));
        }
        throw new IllegalArgumentException("unknown type '" + name
                + "'; use one of BOOLEAN, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, TIMESTAMP, DATE");
    }

    private static int parseDigits(String digits, String name) {
        if (digits.length() > 3) {
            throw new IllegalArgumentException("type '" + name + "': DECIMAL precision and scale are at most "
                    + MAX_DECIMAL_PRECISION);
        }
        return Integer.parseInt(digits);
    }
}
