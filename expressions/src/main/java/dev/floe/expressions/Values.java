package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Single values out of Arrow vectors, and their text forms. For tests, result tables and the CLI; the
 * kernels never box values.
 *
 * <pre>
 *  type       Java value            text (CSV output, CAST AS VARCHAR)
 *  BOOLEAN    Boolean               true / false
 *  INT64      Long                  -42
 *  FLOAT64    Double                shortest text that reads back as the same double: 0.1, 1.0, 1.0E20, NaN
 *  STRING     String                itself
 *  TIMESTAMP  Long (micros)         2024-01-02 03:04:05[.fraction]
 *  DATE       Integer (days)        2024-01-02
 *  DECIMAL    BigDecimal (scale s)  every digit, never an exponent: 12.30 in DECIMAL(9,2), 0.0001 in DECIMAL(9,4)
 * </pre>
 * NULL is {@code null} in both forms.
 */
public final class Values {
    /** JDK 19 made Double.toString the shortest round-trip form (JDK-4511638). */
    private static final boolean TO_STRING_IS_SHORTEST = Runtime.version().feature() >= 19;

    private Values() {
    }

    /**
     * The value at {@code row}: null, Boolean, Long, Double, String, Long (TIMESTAMP micros), Integer (DATE days)
     * or BigDecimal (DECIMAL, at the vector's scale).
     */
    public static Object get(FieldVector v, int row) {
        requireNonNull(v, "v is null");
        if (v.isNull(row)) {
            return null;
        }
        if (v instanceof BitVector b) {
            return b.get(row) != 0;
        }
        if (v instanceof BigIntVector b) {
            return b.get(row);
        }
        if (v instanceof Float8Vector f) {
            return f.get(row);
        }
        if (v instanceof VarCharVector s) {
            return new String(s.get(row), StandardCharsets.UTF_8);
        }
        if (v instanceof TimeStampMicroVector t) {
            return t.get(row);
        }
        if (v instanceof DateDayVector d) {
            return d.get(row);
        }
        if (v instanceof DecimalVector d) {
            return d.getObject(row);
        }
        throw new IllegalArgumentException("vector '" + v.getName() + "' is a " + v.getClass().getSimpleName()
                + ", which stores no Floe type");
    }

    /** The text form of {@code value} (the Java form of {@code type}, as {@link #get} returns it); null for NULL. */
    public static String format(FloeType type, Object value) {
        requireNonNull(type, "type is null");
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN, INT64, STRING -> value.toString();
            case FLOAT64 -> formatDouble(((Number) value).doubleValue());
            case TIMESTAMP -> Temporal.formatTimestamp(((Number) value).longValue());
            case DATE -> Temporal.formatDate(((Number) value).longValue());
            case DECIMAL -> ((BigDecimal) value).toPlainString();
        };
    }

    /**
     * The shortest decimal text that {@link Double#parseDouble} reads back as {@code d}, laid out as
     * {@link Double#toString} lays it out ({@code 0.1}, {@code 1.0}, {@code 1234.5}, {@code 1.0E20},
     * {@code 1.0E-7}), and {@code NaN}, {@code Infinity}, {@code -Infinity}: the same text as
     * {@code Double.toString} prints on JDK 19 and later, whatever JDK runs Floe.
     *
     * <p>That rule (JDK 19's javadoc): take the fewest significant digits n that round-trip, but at least
     * 2, and of the n-digit decimals the one closest to {@code d}, which is {@code d} rounded half-even
     * to n digits. JDK 17's Double.toString sometimes prints more digits than that (JDK-4511638:
     * {@code 2.82879384806159008E17} for {@code 2.82879384806159E17}), but never fewer, so its digit
     * count k bounds n: if k - 1 digits do not round-trip, n = k; otherwise search 2 .. k - 1. Rounding
     * is exact, with BigDecimal: a few microseconds per value, so on JDK 19+ this is just Double.toString.
     */
    public static String formatDouble(double d) {
        return TO_STRING_IS_SHORTEST ? Double.toString(d) : shortest(d);
    }

    /** JDK 19's Double.toString, on any JDK (package-private so tests run it on every JDK). */
    static String shortest(double d) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);   // "0.0", "-0.0", "NaN", "Infinity", "-Infinity"
        }
        BigDecimal exact = new BigDecimal(d);
        int k = significantDigits(Double.toString(d));
        if (k <= 2) {
            return layOut(rounded(exact, 2));
        }
        BigDecimal shorter = rounded(exact, k - 1);
        if (shorter.doubleValue() != d) {
            return layOut(rounded(exact, k));
        }
        for (int n = 2; n < k - 1; n++) {
            BigDecimal r = rounded(exact, n);
            if (r.doubleValue() == d) {
                return layOut(r);
            }
        }
        return layOut(shorter);
    }

    private static BigDecimal rounded(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /** Significant digits in Double.toString output: "1.25E-5" -> 3, "100.0" -> 1, "0.001" -> 1. */
    private static int significantDigits(String java) {
        int e = java.indexOf('E');
        String mantissa = (e < 0 ? java : java.substring(0, e)).replace("-", "").replace(".", "");
        int first = 0;
        while (first < mantissa.length() - 1 && mantissa.charAt(first) == '0') {
            first++;
        }
        int last = mantissa.length();
        while (last > first + 1 && mantissa.charAt(last - 1) == '0') {
            last--;
        }
        return last - first;
    }

    /** {@code r} in Double.toString's layout: plain for 1e-3 <= |r| < 1e7, else d.dddE[-]n. */
    private static String layOut(BigDecimal r) {
        BigDecimal stripped = r.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            sb.append('-');
        }
        if (exponent >= -3 && exponent < 7) {
            if (exponent >= 0) {
                int intDigits = exponent + 1;
                if (digits.length() <= intDigits) {
                    sb.append(digits).append("0".repeat(intDigits - digits.length())).append(".0");
                } else {
                    sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
                }
            } else {
                sb.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            }
        } else {
            sb.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('E').append(exponent);
        }
        return sb.toString();
    }
}
