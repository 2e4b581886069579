package dev.floe.io.csv;

import dev.floe.expressions.Temporal;
import java.nio.charset.StandardCharsets;

/**
 * Byte-slice parsers for the hot path: {@code a[s, e)} to a primitive, no String and no object per
 * value. A slice that is not a value of the type throws {@link ParseFailure#INSTANCE}. Slices are
 * never empty (an empty field is NULL and never reaches a parser).
 *
 * <p>Doubles: the fast path reads {@code [+-]digits[.digits]} into a mantissa {@code m} and a count
 * {@code k} of fraction digits; when {@code m < 2^53} and {@code k <= 22} both {@code m} and
 * {@code 10^k} are exact doubles and one IEEE division gives the correctly rounded result, the same
 * bits as {@link Double#parseDouble}. Anything else (exponents, long mantissas, NaN, Infinity) is
 * validated and handed to {@code Double.parseDouble}.
 */
public final class ValueParsers {
    /** Candidate-type bits for inference ({@link #classify}). */
    public static final int CAN_INT64 = 1;
    public static final int CAN_FLOAT64 = 2;
    public static final int CAN_TIMESTAMP = 4;
    public static final int CAN_DATE = 8;
    public static final int CAN_BOOLEAN = 16;
    public static final int ALL_CANDIDATES = CAN_INT64 | CAN_FLOAT64 | CAN_TIMESTAMP | CAN_DATE | CAN_BOOLEAN;

    static final double[] POW10 = new double[23];
    static final long MANTISSA_LIMIT = 1L << 53;
    private static final long MULTMIN = Long.MIN_VALUE / 10;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ValueParsers() {
    }

    public static long parseLong(byte[] a, int s, int e) {
        int i = s;
        boolean negative = false;
        byte first = a[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (++i == e) {
                throw ParseFailure.INSTANCE;
            }
        }
        if (e - i <= 18) {
            long v = 0;
            for (; i < e; i++) {
                int d = a[i] - '0';
                if (d < 0 || d > 9) {
                    throw ParseFailure.INSTANCE;
                }
                v = v * 10 + d;
            }
            return negative ? -v : v;
        }
        // up to 19+ digits: accumulate negatively, like Long.parseLong, to detect overflow
        long v = 0;
        for (; i < e; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9 || v < MULTMIN) {
                throw ParseFailure.INSTANCE;
            }
            v *= 10;
            if (v < Long.MIN_VALUE + d) {
                throw ParseFailure.INSTANCE;
            }
            v -= d;
        }
        if (!negative && v == Long.MIN_VALUE) {
            throw ParseFailure.INSTANCE;
        }
        return negative ? v : -v;
    }

    public static double parseDouble(byte[] a, int s, int e) {
        int i = s;
        boolean negative = false;
        byte first = a[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long m = 0;
        int intStart = i;
        int d;
        while (i < e && (d = a[i] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            i++;
        }
        int digits = i - intStart;
        int fractionDigits = 0;
        if (i < e && a[i] == '.') {
            int fractionStart = ++i;
            while (i < e && (d = a[i] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                i++;
            }
            fractionDigits = i - fractionStart;
            digits += fractionDigits;
        }
        // up to 18 digits cannot overflow m; then m < 2^53 and 10^k (k <= 18) are exact doubles
        if (i != e || digits == 0 || digits > 18 || m >= MANTISSA_LIMIT) {
            return parseDoubleSlow(a, s, e);
        }
        double v = fractionDigits == 0 ? (double) m : (double) m / POW10[fractionDigits];
        return negative ? -v : v;
    }

    /** The general path: a strict decimal grammar (or NaN/Infinity), then {@link Double#parseDouble}. */
    static double parseDoubleSlow(byte[] a, int s, int e) {
        String text = new String(a, s, e - s, StandardCharsets.ISO_8859_1);
        switch (text) {
            case "NaN": case "nan": case "NAN": case "+NaN": case "-NaN": case "+nan": case "-nan":
                return Double.NaN;
            case "Infinity": case "+Infinity": case "inf": case "+inf": case "Inf": case "+Inf": case "INF": case "+INF":
            case "infinity": case "+infinity": case "INFINITY": case "+INFINITY":
                return Double.POSITIVE_INFINITY;
            case "-Infinity": case "-inf": case "-Inf": case "-INF": case "-infinity": case "-INFINITY":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!isDecimalLiteral(a, s, e)) {
            throw ParseFailure.INSTANCE;
        }
        return Double.parseDouble(text);
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. */
    static boolean isDecimalLiteral(byte[] a, int s, int e) {
        int i = s;
        if (i < e && (a[i] == '+' || a[i] == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < e && isDigit(a[i])) {
            i++;
            mantissaDigits++;
        }
        if (i < e && a[i] == '.') {
            i++;
            while (i < e && isDigit(a[i])) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < e && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < e && (a[i] == '+' || a[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < e && isDigit(a[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == e;
    }

    /**
     * ISO 8601: {@code YYYY-MM-DD[ T]HH:MM:SS[.f{1,9}][offset]} to microseconds since the epoch (digits
     * beyond the microsecond are truncated); with {@code allowDate}, also {@code YYYY-MM-DD} (midnight).
     * An offset ({@code Z}, {@code +hh:mm}, {@code -hhmm}, {@code +hh}) makes the value an instant: it is
     * converted to UTC, never dropped.
     */
    public static long parseTimestampMicros(byte[] a, int s, int e, boolean allowDate) {
        int n = e - s;
        if (n == 10 && allowDate) {
            return parseDateDays(a, s, e) * Temporal.MICROS_PER_DAY;
        }
        if (n < 19 || a[s + 4] != '-' || a[s + 7] != '-' || (a[s + 10] != ' ' && a[s + 10] != 'T')
                || a[s + 13] != ':' || a[s + 16] != ':') {
            throw ParseFailure.INSTANCE;
        }
        // fourteen digits, checked together: a non-digit makes (d | (9 - d)) negative
        int y0 = a[s] - '0', y1 = a[s + 1] - '0', y2 = a[s + 2] - '0', y3 = a[s + 3] - '0';
        int mo0 = a[s + 5] - '0', mo1 = a[s + 6] - '0', d0 = a[s + 8] - '0', d1 = a[s + 9] - '0';
        int h0 = a[s + 11] - '0', h1 = a[s + 12] - '0', mi0 = a[s + 14] - '0', mi1 = a[s + 15] - '0';
        int s0 = a[s + 17] - '0', s1 = a[s + 18] - '0';
        int bad = y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | mo0 | (9 - mo0) | mo1 | (9 - mo1)
                | d0 | (9 - d0) | d1 | (9 - d1) | h0 | (9 - h0) | h1 | (9 - h1) | mi0 | (9 - mi0) | mi1 | (9 - mi1)
                | s0 | (9 - s0) | s1 | (9 - s1);
        if (bad < 0) {
            throw ParseFailure.INSTANCE;
        }
        int year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        int month = mo0 * 10 + mo1;
        int day = d0 * 10 + d1;
        int hour = h0 * 10 + h1;
        int minute = mi0 * 10 + mi1;
        int second = s0 * 10 + s1;
        if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))
                || hour > 23 || minute > 59 || second > 59) {
            throw ParseFailure.INSTANCE;
        }
        long micros = 0;
        int i = s + 19;
        if (i < e && a[i] == '.') {
            int fractionStart = ++i;
            while (i < e && a[i] >= '0' && a[i] <= '9') {
                if (i - fractionStart < 6) {
                    micros = micros * 10 + (a[i] - '0');
                }
                i++;
            }
            int fractionDigits = i - fractionStart;
            if (fractionDigits < 1 || fractionDigits > 9) {
                throw ParseFailure.INSTANCE;
            }
            for (int k = fractionDigits; k < 6; k++) {
                micros *= 10;
            }
        }
        long offsetSeconds = i == e ? 0 : offsetSeconds(a, i, e);
        long days = Temporal.daysFromCivil(year, month, day);
        long secondOfDay = hour * 3600L + minute * 60L + second;
        return (days * 86_400L + secondOfDay - offsetSeconds) * Temporal.MICROS_PER_SECOND + micros;
    }

    /**
     * A UTC offset {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh} (or {@code -}), optionally after
     * one space, in seconds east of UTC: the timestamp is then an instant, stored as UTC.
     */
    static long offsetSeconds(byte[] a, int i, int e) {
        if (a[i] == ' ' && i + 1 < e) {
            i++;
        }
        if (e - i == 1 && (a[i] == 'Z' || a[i] == 'z')) {
            return 0;
        }
        if (e - i == 3 && (a[i] == 'U' && a[i + 1] == 'T' && a[i + 2] == 'C')) {
            return 0;
        }
        int sign = a[i] == '+' ? 1 : a[i] == '-' ? -1 : 0;
        int n = e - i - 1;
        if (sign == 0 || (n != 2 && n != 4 && n != 5) || (n == 5 && a[i + 3] != ':')) {
            throw ParseFailure.INSTANCE;
        }
        int hours = twoDigits(a, i + 1);
        int minutes = n == 2 ? 0 : twoDigits(a, i + (n == 5 ? 4 : 3));
        if (hours > 18 || minutes > 59) {
            throw ParseFailure.INSTANCE;
        }
        return sign * (hours * 3600L + minutes * 60L);
    }

    /** {@code YYYY-MM-DD} to days since the epoch. */
    public static int parseDateDays(byte[] a, int s, int e) {
        if (e - s != 10 || a[s + 4] != '-' || a[s + 7] != '-') {
            throw ParseFailure.INSTANCE;
        }
        int year = twoDigits(a, s) * 100 + twoDigits(a, s + 2);
        int month = twoDigits(a, s + 5);
        int day = twoDigits(a, s + 8);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw ParseFailure.INSTANCE;
        }
        return (int) Temporal.daysFromCivil(year, month, day);
    }

    /** true/false, t/f, 1/0, yes/no (any case). */
    public static boolean parseBoolean(byte[] a, int s, int e) {
        String text = new String(a, s, Math.min(e - s, 8), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (e - s <= 5) {
            switch (text) {
                case "true": case "t": case "1": case "yes": case "y":
                    return true;
                case "false": case "f": case "0": case "no": case "n":
                    return false;
                default:
                    break;
            }
        }
        throw ParseFailure.INSTANCE;
    }

    /**
     * The candidate types (of {@code mask}) that can hold the non-empty value {@code a[s, e)}. Integers
     * with a leading zero ({@code 08123}) fit no number type (they are identifiers: keep the text), and
     * neither do integers beyond int64 (never silently a double). Timestamps must be complete
     * ({@code YYYY-MM-DD HH:MM:SS[.ffffff]} or with a {@code T}).
     */
    public static int classify(byte[] a, int s, int e, int mask) {
        int result = 0;
        if ((mask & (CAN_INT64 | CAN_FLOAT64)) != 0 && !hasLeadingZero(a, s, e)) {
            if (isIntegerLiteral(a, s, e)) {
                if (fitsLong(a, s, e)) {
                    result |= CAN_INT64 | CAN_FLOAT64;
                }
            } else if (isFloat(a, s, e)) {
                result |= CAN_FLOAT64;
            }
        }
        if ((mask & CAN_TIMESTAMP) != 0 && e - s >= 19 && isTimestamp(a, s, e)) {
            result |= CAN_TIMESTAMP;
        }
        if ((mask & (CAN_DATE | CAN_TIMESTAMP)) != 0 && e - s == 10 && isDate(a, s, e)) {
            result |= CAN_DATE | CAN_TIMESTAMP; // date -> timestamp: a date is midnight
        }
        if ((mask & CAN_BOOLEAN) != 0 && isTrueOrFalse(a, s, e)) {
            result |= CAN_BOOLEAN;
        }
        return result & mask;
    }

    private static boolean isFloat(byte[] a, int s, int e) {
        try {
            parseDouble(a, s, e);
            return true;
        } catch (ParseFailure f) {
            return false;
        }
    }

    private static boolean fitsLong(byte[] a, int s, int e) {
        try {
            parseLong(a, s, e);
            return true;
        } catch (ParseFailure f) {
            return false;
        }
    }

    private static boolean isDate(byte[] a, int s, int e) {
        try {
            parseDateDays(a, s, e);
            return true;
        } catch (ParseFailure f) {
            return false;
        }
    }

    /** Only true and false (any case) make a column BOOLEAN by inference: 0/1, yes/no stay what they are. */
    private static boolean isTrueOrFalse(byte[] a, int s, int e) {
        String t = new String(a, s, Math.min(e - s, 6), StandardCharsets.ISO_8859_1);
        return e - s <= 5 && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"));
    }

    private static boolean isTimestamp(byte[] a, int s, int e) {
        try {
            parseTimestampMicros(a, s, e, false);
            return true;
        } catch (ParseFailure f) {
            return false;
        }
    }

    /** Significant digits of a decimal literal (leading zeros and the exponent do not count). */
    static int significantDigits(byte[] a, int s, int e) {
        int n = 0;
        boolean leading = true;
        for (int i = s; i < e; i++) {
            byte b = a[i];
            if (b == 'e' || b == 'E') {
                break;
            }
            if (isDigit(b)) {
                if (b != '0' || !leading) {
                    leading = false;
                    n++;
                }
            }
        }
        return n;
    }

    static boolean isIntegerLiteral(byte[] a, int s, int e) {
        int i = s;
        if (a[i] == '+' || a[i] == '-') {
            i++;
        }
        if (i == e) {
            return false;
        }
        for (; i < e; i++) {
            if (!isDigit(a[i])) {
                return false;
            }
        }
        return true;
    }

    /** An integer part of two or more digits starting with 0: {@code 08123}, {@code -007.5}. */
    static boolean hasLeadingZero(byte[] a, int s, int e) {
        int i = s;
        if (i < e && (a[i] == '+' || a[i] == '-')) {
            i++;
        }
        return i + 1 < e && a[i] == '0' && isDigit(a[i + 1]);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int digit(byte b) {
        int d = b - '0';
        if (d < 0 || d > 9) {
            throw ParseFailure.INSTANCE;
        }
        return d;
    }

    static int twoDigits(byte[] a, int i) {
        return digit(a[i]) * 10 + digit(a[i + 1]);
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }
}
