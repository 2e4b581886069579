package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Parses the text forms of the Floe types from UTF-8 bytes, for casts from STRING. Each {@code parse}
 * method returns false for text that is not a value of the type and otherwise leaves the value in
 * {@link #longValue}, {@link #doubleValue} or {@link #booleanValue}. Leading and trailing ASCII
 * whitespace is ignored. Allocation-free except for the rare FLOAT64 that needs {@link Double#parseDouble} and
 * the DECIMAL with an exponent or more than 18 significant digits, which goes through BigDecimal.
 *
 * <pre>
 *  BIGINT     [+-]digits
 *  DOUBLE     [+-]digits[.digits][(e|E)[+-]digits], .5, 5., nan, inf, infinity (any case)
 *  DECIMAL    [+-]digits[.digits][(e|E)[+-]digits], .5, 5.   rounded half away from zero to the scale
 *  BOOLEAN    true false t f yes no y n 1 0 (any case)
 *  DATE       [-]Y-M-D                (Y any number of digits, M and D one or two)
 *  TIMESTAMP  DATE[(' '|'T')H:MM[:SS[.fraction]]]   (fraction: 1..9 digits, truncated to microseconds)
 * </pre>
 */
public final class TextParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    public long longValue;
    /** A parsed DECIMAL's unscaled value, at the target scale. */
    public long decimalHigh;
    public long decimalLow;
    /** Set by a failed {@link #parseDecimal}: the text is a number, but has too many digits for the type. */
    public boolean decimalOverflow;
    public double doubleValue;
    public boolean booleanValue;

    private byte[] text = new byte[64];
    private int pos;
    private int end;
    private long year;
    private int month;
    private int day;

    /** Copies bytes {@code start..start+length} of {@code buf} in and trims them. */
    private void load(ArrowBuf buf, long start, int length) {
        if (text.length < length) {
            text = new byte[Math.max(length, text.length * 2)];
        }
        buf.getBytes(start, text, 0, length);
        load(length);
    }

    private void load(int length) {
        pos = 0;
        end = length;
        while (pos < end && isSpace(text[pos])) {
            pos++;
        }
        while (end > pos && isSpace(text[end - 1])) {
            end--;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** The text as it was given (untrimmed), for error messages. */
    public static String text(ArrowBuf buf, long start, int length) {
        byte[] bytes = new byte[length];
        buf.getBytes(start, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public boolean parseLong(ArrowBuf buf, long start, int length) {
        load(buf, start, length);
        return parseLong();
    }

    public boolean parseDouble(ArrowBuf buf, long start, int length) {
        load(buf, start, length);
        return parseDouble();
    }

    public boolean parseBoolean(ArrowBuf buf, long start, int length) {
        load(buf, start, length);
        return parseBoolean();
    }

    /**
     * A number rounded half away from zero to {@code type}'s scale, in {@link #decimalHigh}:{@link #decimalLow};
     * false for text that is not a number, or (with {@link #decimalOverflow} set) a number with more integer
     * digits than the type holds. Plain text of up to 18 significant digits is read without objects; an
     * exponent or more digits go through BigDecimal.
     */
    public boolean parseDecimal(ArrowBuf buf, long start, int length, FloeType type) {
        load(buf, start, length);
        decimalOverflow = false;
        int scale = type.scale();
        int p = pos;
        boolean negative = false;
        if (p < end && (text[p] == '+' || text[p] == '-')) {
            negative = text[p] == '-';
            p++;
        }
        long acc = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        boolean roundUp = false;
        boolean dropped = false;
        for (; p < end; p++) {
            byte c = text[p];
            if (c == '.' && !point) {
                point = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            any = true;
            if (point && fraction == scale) {
                if (!dropped) {
                    roundUp = c >= '5';
                    dropped = true;
                }
                continue;
            }
            if (point) {
                fraction++;
            }
            if (acc != 0 || c != '0') {
                digits++;
            }
            if (digits > Decimals.MAX_LONG_PRECISION) {
                return parseDecimalSlow(type);
            }
            acc = acc * 10 + (c - '0');
        }
        if (!any) {
            return false;
        }
        if (p < end) {
            return (text[p] == 'e' || text[p] == 'E') && parseDecimalSlow(type);
        }
        if ((acc == 0 ? 0 : digits) + scale - fraction > Decimals.MAX_LONG_PRECISION) {
            return parseDecimalSlow(type);
        }
        acc = acc * Decimals.longPowerOfTen(scale - fraction) + (roundUp ? 1 : 0);
        if (!Decimals.fitsPrecision(0, acc, type.precision())) {
            decimalOverflow = true;
            return false;
        }
        decimalLow = negative ? -acc : acc;
        decimalHigh = decimalLow >> 63;
        return true;
    }

    private boolean parseDecimalSlow(FloeType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(new String(text, pos, end - pos, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
        if (value.precision() - value.scale() > type.precision() - type.scale()) {
            decimalOverflow = true;   // checked before rounding, so 1e999999999 is not expanded
            return false;
        }
        BigInteger unscaled;
        if (value.precision() - value.scale() < -type.scale()) {
            unscaled = BigInteger.ZERO;   // |value| < 10^-(scale+1): rounds to 0 (and 1e-999999999 is not expanded)
        } else {
            BigDecimal r = Decimals.rounded(value, type);
            if (r == null) {
                decimalOverflow = true;
                return false;
            }
            unscaled = r.unscaledValue();
        }
        decimalLow = unscaled.longValue();
        decimalHigh = unscaled.shiftRight(64).longValue();
        return true;
    }

    /** Days since the epoch, in {@link #longValue} (within the int range). */
    public boolean parseDate(ArrowBuf buf, long start, int length) {
        load(buf, start, length);
        if (!parseDatePart() || pos != end) {
            return false;
        }
        longValue = Temporal.daysFromCivil(year, month, day);
        return longValue >= Integer.MIN_VALUE && longValue <= Integer.MAX_VALUE;
    }

    /** Microseconds since the epoch, in {@link #longValue}. */
    public boolean parseTimestamp(ArrowBuf buf, long start, int length) {
        load(buf, start, length);
        if (!parseDatePart()) {
            return false;
        }
        long days = Temporal.daysFromCivil(year, month, day);
        if (Math.abs(days) > CastKernel.MAX_TIMESTAMP_DAYS) {
            return false;
        }
        long micros = 0;
        if (pos < end) {
            if (text[pos] != ' ' && text[pos] != 'T') {
                return false;
            }
            pos++;
            int hour = digits(1, 2);
            if (hour < 0 || hour > 23 || !expect(':')) {
                return false;
            }
            int minute = digits(2, 2);
            int second = 0;
            if (minute < 0 || minute > 59) {
                return false;
            }
            if (pos < end && text[pos] == ':') {
                pos++;
                second = digits(2, 2);
                if (second < 0 || second > 59) {
                    return false;
                }
                if (pos < end && text[pos] == '.') {
                    pos++;
                    int first = pos;
                    int fraction = digits(1, 9);
                    if (fraction < 0) {
                        return false;
                    }
                    for (int k = pos - first; k < 6; k++) {
                        fraction *= 10;
                    }
                    for (int k = pos - first; k > 6; k--) {
                        fraction /= 10;
                    }
                    micros = fraction;
                }
            }
            micros += ((hour * 60L + minute) * 60 + second) * Temporal.MICROS_PER_SECOND;
        }
        longValue = days * Temporal.MICROS_PER_DAY + micros;
        return pos == end;
    }

    private boolean parseLong() {
        boolean negative = false;
        if (pos < end && (text[pos] == '-' || text[pos] == '+')) {
            negative = text[pos] == '-';
            pos++;
        }
        if (pos == end) {
            return false;
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long minBeforeShift = limit / 10;
        long r = 0;
        for (; pos < end; pos++) {
            int d = text[pos] - '0';
            if (d < 0 || d > 9 || r < minBeforeShift) {
                return false;
            }
            r *= 10;
            if (r < limit + d) {
                return false;
            }
            r -= d;
        }
        longValue = negative ? r : -r;
        return true;
    }

    private boolean parseDouble() {
        int start = pos;
        boolean negative = false;
        if (pos < end && (text[pos] == '-' || text[pos] == '+')) {
            negative = text[pos] == '-';
            pos++;
        }
        // Clinger's fast path: at most 15 digits and no exponent is m / 10^k, both exact, rounded once.
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        boolean simple = true;
        for (int p = pos; p < end; p++) {
            byte c = text[p];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    simple = false;
                    break;
                }
                mantissa = mantissa * 10 + (c - '0');
                fractionDigits += dot ? 1 : 0;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && digits > 0) {
            double v = fractionDigits == 0 ? mantissa : mantissa / POW10[fractionDigits];
            doubleValue = negative ? -v : v;
            return true;
        }
        return parseDoubleSlow(start);
    }

    private boolean parseDoubleSlow(int start) {
        String s = new String(text, start, end - start, StandardCharsets.ISO_8859_1);
        String word = s.toLowerCase(Locale.ROOT);
        boolean negative = word.startsWith("-");
        if (word.startsWith("-") || word.startsWith("+")) {
            word = word.substring(1);
        }
        if (word.equals("nan")) {
            doubleValue = Double.NaN;
            return true;
        }
        if (word.equals("inf") || word.equals("infinity")) {
            doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        if (!word.matches("[0-9]*\\.?[0-9]*(e[+-]?[0-9]+)?") || !word.matches("\\.?[0-9].*")) {
            return false;
        }
        try {
            doubleValue = Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean parseBoolean() {
        int length = end - pos;
        if (length < 1 || length > 5) {
            return false;
        }
        String word = new String(text, pos, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        switch (word) {
            case "true", "t", "yes", "y", "1" -> booleanValue = true;
            case "false", "f", "no", "n", "0" -> booleanValue = false;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code [-]Y-M-D} into year, month, day; validates the day of the month. */
    private boolean parseDatePart() {
        boolean negative = pos < end && text[pos] == '-';
        if (negative) {
            pos++;
        }
        int first = pos;
        long y = 0;
        while (pos < end && text[pos] >= '0' && text[pos] <= '9' && pos - first < 9) {
            y = y * 10 + text[pos++] - '0';
        }
        if (pos == first || !expect('-')) {
            return false;
        }
        int m = digits(1, 2);
        if (m < 1 || m > 12 || !expect('-')) {
            return false;
        }
        int d = digits(1, 2);
        year = negative ? -y : y;
        month = m;
        day = d;
        return d >= 1 && d <= daysInMonth(year, m);
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** {@code min..max} ASCII digits as a number, or -1. */
    private int digits(int min, int max) {
        int first = pos;
        int v = 0;
        while (pos < end && pos - first < max && text[pos] >= '0' && text[pos] <= '9') {
            v = v * 10 + text[pos++] - '0';
        }
        return pos - first >= min ? v : -1;
    }

    private boolean expect(char c) {
        if (pos < end && text[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }
}
