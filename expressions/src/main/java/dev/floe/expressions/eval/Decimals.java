package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;

/**
 * DECIMAL values as they sit in an Arrow {@code DecimalVector}: each value is its unscaled integer
 * (12.34 in DECIMAL(9,2) is 1234) in 16 bytes of two's complement, low word first, little-endian.
 *
 * <pre>
 *  byte   0 ............ 7 | 8 ............ 15
 *         low 64 bits       | high 64 bits (sign)
 * </pre>
 *
 * <p>Kernels read and write the two words in place with {@link #low}, {@link #high} and {@link #set};
 * a value whose unscaled integer fits in a long has {@code high == low >> 63} ({@link #fitsLong}), and
 * every DECIMAL of precision 18 or less always does, so the common case is long arithmetic with no
 * objects. Wider values go through {@link BigInteger} off the hot path.
 */
public final class Decimals {
    /** Bytes per value in a 128-bit DecimalVector. */
    public static final int WIDTH = 16;

    /** The largest precision whose values always fit in a long: 10^18 - 1 &lt; 2^63. */
    public static final int MAX_LONG_PRECISION = 18;

    private static final BigInteger[] BIG_POWERS = new BigInteger[FloeType.MAX_DECIMAL_PRECISION + 1];
    private static final long[] LONG_POWERS = new long[MAX_LONG_PRECISION + 1];
    private static final long[] POW_HIGH = new long[FloeType.MAX_DECIMAL_PRECISION + 1];
    private static final long[] POW_LOW = new long[FloeType.MAX_DECIMAL_PRECISION + 1];
    private static final long[] NEG_POW_HIGH = new long[FloeType.MAX_DECIMAL_PRECISION + 1];
    private static final long[] NEG_POW_LOW = new long[FloeType.MAX_DECIMAL_PRECISION + 1];

    static {
        BigInteger p = BigInteger.ONE;
        for (int i = 0; i < BIG_POWERS.length; i++) {
            BIG_POWERS[i] = p;
            p = p.multiply(BigInteger.TEN);
        }
        long q = 1;
        for (int i = 0; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = q;
            q *= 10;
        }
        for (int i = 0; i < BIG_POWERS.length; i++) {
            POW_HIGH[i] = BIG_POWERS[i].shiftRight(64).longValue();
            POW_LOW[i] = BIG_POWERS[i].longValue();
            NEG_POW_HIGH[i] = BIG_POWERS[i].negate().shiftRight(64).longValue();
            NEG_POW_LOW[i] = BIG_POWERS[i].negate().longValue();
        }
    }

    private Decimals() {
    }

    /** 10^n as a long, for 0 &lt;= n &lt;= 18. */
    public static long longPowerOfTen(int n) {
        return LONG_POWERS[n];
    }

    /** 10^n, for 0 &lt;= n &lt;= 38. */
    public static BigInteger powerOfTen(int n) {
        return BIG_POWERS[n];
    }

    public static long low(ArrowBuf data, int row) {
        return data.getLong((long) row * WIDTH);
    }

    public static long high(ArrowBuf data, int row) {
        return data.getLong((long) row * WIDTH + 8);
    }

    public static void set(ArrowBuf data, int row, long high, long low) {
        data.setLong((long) row * WIDTH, low);
        data.setLong((long) row * WIDTH + 8, high);
    }

    /** Writes the unscaled value {@code unscaled}, sign-extended to 128 bits. */
    public static void setLong(ArrowBuf data, int row, long unscaled) {
        set(data, row, unscaled >> 63, unscaled);
    }

    /** Writes {@code unscaled}, which must fit in 128 bits (any value of precision 38 or less does). */
    public static void setBig(ArrowBuf data, int row, BigInteger unscaled) {
        set(data, row, unscaled.shiftRight(64).longValue(), unscaled.longValue());
    }

    public static boolean fitsLong(long high, long low) {
        return high == low >> 63;
    }

    /** The signed 128-bit integer {@code high:low}. */
    public static BigInteger toBigInteger(long high, long low) {
        if (fitsLong(high, low)) {
            return BigInteger.valueOf(low);
        }
        return BigInteger.valueOf(high).shiftLeft(64).or(BigInteger.valueOf(low).and(LOW_MASK));
    }

    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public static BigDecimal toBigDecimal(long high, long low, int scale) {
        return fitsLong(high, low) ? BigDecimal.valueOf(low, scale) : new BigDecimal(toBigInteger(high, low), scale);
    }

    public static BigDecimal get(ArrowBuf data, int row, int scale) {
        return toBigDecimal(high(data, row), low(data, row), scale);
    }

    /** Signed order of two 128-bit integers: the high words signed, then the low words unsigned. */
    public static int compare(long highA, long lowA, long highB, long lowB) {
        int c = Long.compare(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    /** Whether {@code |unscaled| < 10^precision}: the value has at most {@code precision} digits. */
    public static boolean fitsPrecision(BigInteger unscaled, int precision) {
        return unscaled.abs().compareTo(BIG_POWERS[precision]) < 0;
    }

    /**
     * Whether the 128-bit integer {@code high:low} has at most {@code precision} digits ({@code |v| < 10^precision}),
     * with no objects: a long always has at most 19 digits, wider values are compared with 10^precision.
     */
    public static boolean fitsPrecision(long high, long low, int precision) {
        if (fitsLong(high, low)) {
            return precision > MAX_LONG_PRECISION || fitsPrecision(low, precision);
        }
        if (precision <= MAX_LONG_PRECISION) {
            return false;   // beyond a long is at least 2^63 > 10^18 (but 2^63 < 10^19: precision 19 compares)
        }
        return compare(high, low, POW_HIGH[precision], POW_LOW[precision]) < 0
                && compare(high, low, NEG_POW_HIGH[precision], NEG_POW_LOW[precision]) > 0;
    }

    /** The high word of {@code -(high:low)} in two's complement; the low word is {@code -low}. */
    public static long negateHigh(long high, long low) {
        return low == 0 ? -high : ~high;
    }

    /** The unscaled value as text with the point {@code scale} digits from the right: 1234, 2 gives 12.34. */
    public static String toPlainString(long high, long low, int scale) {
        return toBigDecimal(high, low, scale).toPlainString();
    }

    /** Whether {@code |unscaled| < 10^precision}, for precision 18 or less. */
    public static boolean fitsPrecision(long unscaled, int precision) {
        long limit = LONG_POWERS[precision];
        return unscaled > -limit && unscaled < limit;
    }

    /**
     * {@code value} at exactly {@code type}'s scale, or null when that loses digits or does not fit:
     * 1.5 fits DECIMAL(4,2) as 1.50; 1.005 does not (a digit past the scale), nor does 123.0 in DECIMAL(3,1).
     */
    public static BigDecimal exact(BigDecimal value, FloeType type) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return null;
        }
        return fitsPrecision(scaled.unscaledValue(), type.precision()) ? scaled : null;
    }

    /**
     * {@code value} rounded half away from zero to {@code type}'s scale (as DuckDB and Spark cast), or
     * null when the rounded value has more digits than the precision allows.
     */
    public static BigDecimal rounded(BigDecimal value, FloeType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        return fitsPrecision(scaled.unscaledValue(), type.precision()) ? scaled : null;
    }
}
