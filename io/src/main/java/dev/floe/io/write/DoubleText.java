package dev.floe.io.write;

/**
 * A fast exact path for {@link dev.floe.expressions.Values#formatDouble} (JDK 19's shortest round-trip
 * {@code Double.toString}) for the doubles CSV files are mostly made of: plain-notation values
 * ({@code 1e-3 <= |d| < 1e7}) with a short decimal form, such as {@code 0.278601} or {@code 1031.0}.
 *
 * <p>Method: for k = 1, 2, ... fractional digits, the decimals with k digits nearest to d are the integers
 * c near {@code d * 10^k}, read as {@code c / 10^k}. Such a decimal reads back as d exactly when
 * {@code (double) c / 10^k == d}: c &lt; 2^53 and 10^k (k &le; 22) are exact doubles, so the division is the
 * correctly rounded value of the decimal, as {@code Double.parseDouble} computes it. The first k at which
 * some candidate reads back gives the fewest significant digits; if exactly one candidate does, it is the
 * shortest decimal that round-trips, which is what JDK 19 prints (for ties between two candidates JDK 19
 * picks the nearer: that case goes to the general path). While {@code d * 10^k < 2^50} the only candidate is
 * the integer nearest the computed product (candidates 10^-k apart cannot both round-trip, and the product's
 * rounding error is far below 1/2); nearer 2^53 every c within round(d * 10^k) &plusmn; 2 is tried.
 */
final class DoubleText {
    private static final double[] POW10 = new double[18];
    private static final long LIMIT = 1L << 53;
    /** Below this, candidates 10^-k apart are more than 4 ulps of d apart, and the product is exact to 1/2^50. */
    private static final double WIDE = 0x1p50;
    /** Twice the largest relative distance from a * 10^k to an integer c for which c / 10^k reads back as a. */
    private static final double NEAR = 0x1p-51;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DoubleText() {
    }

    /**
     * Writes the text of {@code d} at {@code buf[p]} (room for 32 bytes) and returns its length, or returns -1
     * without writing when {@code d} needs the general path.
     */
    static int write(double d, byte[] buf, int p) {
        double a = Math.abs(d);
        if (!(a >= 1e-3 && a < 1e7)) {
            return -1;   // zero, exponent notation, NaN, infinities
        }
        int start = p;
        if (d < 0) {
            buf[p++] = '-';
        }
        if (a == Math.rint(a)) {
            p = Digits.putLong(buf, p, (long) a);
            buf[p++] = '.';
            buf[p++] = '0';
            return p - start;
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= WIDE) {
                return window(a, k, buf, p, start);
            }
            // c / 10^k can read back as a only if a * 10^k is within about an ulp of the integer c: a multiply
            // and a compare rule out most k before the one division that decides
            double c = Math.rint(scaled);
            if (Math.abs(scaled - c) <= scaled * NEAR && c / POW10[k] == a) {
                // below 2^50 the next candidates c +- 1 are more than an ulp of a away: c is the only one
                return writeFixed(buf, p, (long) c, k) - start;
            }
        }
        return -1;
    }

    /** The careful search from {@code k} on, near 2^53: every candidate within 2 of the rounded product. */
    private static int window(double a, int from, byte[] buf, int p, int start) {
        for (int k = from; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= LIMIT) {
                return -1;
            }
            long center = Math.round(scaled);
            long found = -1;
            int hits = 0;
            for (long c = Math.max(1, center - 2); c <= center + 2; c++) {
                if (c / POW10[k] == a) {
                    found = c;
                    hits++;
                }
            }
            if (hits > 1) {
                return -1;
            }
            if (hits == 1) {
                return writeFixed(buf, p, found, k) - start;
            }
        }
        return -1;
    }

    /** {@code c / 10^k} in plain notation: integer part (at least "0"), '.', k digits. */
    private static int writeFixed(byte[] buf, int p, long c, int k) {
        long scale = (long) POW10[k];
        p = Digits.putLong(buf, p, c / scale);
        buf[p++] = '.';
        long fraction = c % scale;
        for (int i = p + k - 1; i >= p; i--) {
            buf[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return p + k;
    }
}
