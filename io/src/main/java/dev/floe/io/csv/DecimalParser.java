package dev.floe.io.csv;

import dev.floe.expressions.eval.Decimals;

/**
 * Decimal text to the unscaled 128-bit integer of a {@code DECIMAL(p,s)}, exactly: never through a double,
 * never rounded. {@code 12.3} in DECIMAL(9,2) is 1230; {@code 12.345} does not fit it (a digit past the
 * scale), nor does {@code 12345678} (eight integer digits, the type holds seven). Both, and text that is not
 * a number, throw {@link ParseFailure#INSTANCE}; the scanner then reports the row ({@link CsvErrors#badDecimal}
 * says which of the three it was).
 *
 * <p>The grammar is {@link ValueParsers#isDecimalLiteral}'s: {@code [+-]? (digits [. digits?] | . digits)
 * ([eE] [+-]? digits)?}; trailing zeros past the scale are fine ({@code 1.5000} is DECIMAL(9,2)'s 150), and so
 * are leading zeros. NaN and Infinity are not decimals.
 *
 * <p>No object per value. The usual text ({@code -12.5}: no exponent, no more integer digits than the type
 * holds, an unscaled value of at most 18 digits, as every value of precision 18 or less has) takes one pass
 * into a long ({@link #parseShort}); anything else takes the general pass, which accumulates the digits in a
 * long while there are at most 18 of them, then in two words (unsigned 128-bit multiply by ten) up to 38. The
 * result is left in {@link #high} and {@link #low}, two's complement, as {@code DecimalVector} stores it. One
 * parser per scanner: not thread-safe.
 */
final class DecimalParser {
    /** Exponents are clamped to this: past it every non-zero value is too long for 38 digits anyway. */
    private static final int MAX_EXPONENT = 100_000;

    /** The last value parsed: the high and low words of its unscaled integer. */
    long high;
    long low;

    /**
     * Parses {@code a[s, e)} (non-empty) as a value of DECIMAL({@code precision},{@code scale}) into
     * {@link #high}:{@link #low}, or throws {@link ParseFailure#INSTANCE}.
     */
    void parse(byte[] a, int s, int e, int precision, int scale) {
        if (scale > 18 || !parseShort(a, s, e, precision, scale)) {
            parseAny(a, s, e, precision, scale);
        }
    }

    /**
     * One pass for the usual text: {@code [+-]digits[.digits]} with at most p - s integer digits, and at most
     * 18 - s, so that the unscaled value (at most p and at most 18 digits) fits a long and needs no overflow
     * check. Returns false, having written nothing, for anything else (an exponent, more integer digits, bad
     * text): {@link #parseAny} decides.
     */
    private boolean parseShort(byte[] a, int s, int e, int precision, int scale) {
        int i = s;
        byte first = a[i];
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
        }
        int intStart = i;
        long m = 0;
        int d;
        while (i < e && (d = a[i] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            i++;
        }
        int intLength = i - intStart;
        if (intLength > precision - scale || intLength + scale > 18) {
            return false;
        }
        int kept = 0;
        if (i < e && a[i] == '.') {
            int fractionStart = ++i;
            while (i < e && (d = a[i] - '0') >= 0 && d <= 9) {
                if (kept < scale) {
                    m = m * 10 + d;
                    kept++;
                } else if (d != 0) {
                    return false;
                }
                i++;
            }
            if (intLength == 0 && i == fractionStart) {
                return false;
            }
        } else if (intLength == 0) {
            return false;
        }
        if (i != e) {
            return false;
        }
        m *= Decimals.longPowerOfTen(scale - kept);
        low = negative ? -m : m; // |m| < 10^18 < 2^63: the sign extends into the high word
        high = low >> 63;
        return true;
    }

    /** Any text of the grammar, any precision (see the class comment). */
    private void parseAny(byte[] a, int s, int e, int precision, int scale) {
        int i = s;
        boolean negative = false;
        byte first = a[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        int intStart = i;
        while (i < e && isDigit(a[i])) {
            i++;
        }
        int intLength = i - intStart;
        int fractionStart = i;
        int fractionLength = 0;
        if (i < e && a[i] == '.') {
            fractionStart = ++i;
            while (i < e && isDigit(a[i])) {
                i++;
            }
            fractionLength = i - fractionStart;
        }
        if (intLength + fractionLength == 0) {
            throw ParseFailure.INSTANCE;
        }
        long exponent = 0;
        if (i < e && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < e && (a[i] == '+' || a[i] == '-')) {
                negativeExponent = a[i] == '-';
                i++;
            }
            int exponentStart = i;
            while (i < e && isDigit(a[i])) {
                exponent = Math.min(exponent * 10 + (a[i] - '0'), MAX_EXPONENT);
                i++;
            }
            if (i == exponentStart) {
                throw ParseFailure.INSTANCE;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != e) {
            throw ParseFailure.INSTANCE;
        }
        // the digits d[0, n) are the integer digits then the fraction digits; the value is d * 10^(exponent -
        // fractionLength), so the unscaled integer at the scale is d[0, end) followed by end - n zeros, where
        int n = intLength + fractionLength;
        long end = intLength + exponent + scale;
        // digits past it must be zeros (else the value has more decimals than the scale keeps)
        for (long k = Math.max(0, end); k < n; k++) {
            if (a[index(k, intStart, intLength, fractionStart)] != '0') {
                throw ParseFailure.INSTANCE;
            }
        }
        int kept = (int) Math.max(0, Math.min(end, n));
        long m = 0;
        int significant = 0;
        int k = 0;
        // the long path: up to 18 significant digits cannot overflow
        for (; k < kept; k++) {
            int d = a[index(k, intStart, intLength, fractionStart)] - '0';
            if (m == 0 && d == 0) {
                continue; // a leading zero
            }
            if (significant == 18) {
                break;
            }
            significant++;
            m = m * 10 + d;
        }
        long z = n; // the zeros after the last digit (an exponent beyond the digits, or a scale beyond the fraction)
        if (k == kept && m != 0) {
            for (; z < end && significant < 18; z++) {
                significant++;
                m *= 10;
            }
        }
        long hi = 0;
        long lo = m;
        if (k < kept || (z < end && m != 0)) {
            // more digits: two words, magnitude below 10^38 < 2^127
            for (; k < kept; k++) {
                if (++significant > precision) {
                    throw ParseFailure.INSTANCE;
                }
                int d = a[index(k, intStart, intLength, fractionStart)] - '0';
                long carry = Math.multiplyHigh(lo, 10) + ((lo >> 63) & 10); // unsigned high word of lo * 10
                long next = lo * 10 + d;
                if (Long.compareUnsigned(next, lo * 10) < 0) {
                    carry++;
                }
                hi = hi * 10 + carry;
                lo = next;
            }
            for (; z < end; z++) {
                if (++significant > precision) {
                    throw ParseFailure.INSTANCE;
                }
                long carry = Math.multiplyHigh(lo, 10) + ((lo >> 63) & 10);
                hi = hi * 10 + carry;
                lo = lo * 10;
            }
        }
        if (significant > precision) {
            throw ParseFailure.INSTANCE;
        }
        if (negative) {
            hi = lo == 0 ? -hi : ~hi;
            lo = -lo;
        }
        high = hi;
        low = lo;
    }

    /**
     * The shape of a plain decimal ({@code [+-]? digits [. digits?] | [+-]? . digits}, no exponent), for
     * inference: {@code integerDigits << 32 | fractionDigits}, where integer digits do not count leading zeros
     * (0.25 has none) and fraction digits count trailing ones (1.50 has two: the scale it asks for); or -1 for
     * any other text.
     */
    static long plainShape(byte[] a, int s, int e) {
        int i = s;
        if (i < e && (a[i] == '+' || a[i] == '-')) {
            i++;
        }
        while (i < e && a[i] == '0') {
            i++;
        }
        int intStart = i;
        while (i < e && isDigit(a[i])) {
            i++;
        }
        int intDigits = i - intStart;
        boolean anyDigit = i > s && isDigit(a[i - 1]);
        int fraction = 0;
        if (i < e && a[i] == '.') {
            int fractionStart = ++i;
            while (i < e && isDigit(a[i])) {
                i++;
            }
            fraction = i - fractionStart;
            anyDigit |= fraction > 0;
        }
        return i == e && anyDigit ? (long) intDigits << 32 | fraction : -1;
    }

    private static int index(long k, int intStart, int intLength, int fractionStart) {
        return (int) (k < intLength ? intStart + k : fractionStart + (k - intLength));
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
