package dev.floe.io.write;

/** Decimal digits into byte arrays, without allocating. */
final class Digits {
    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Digits() {
    }

    /** Writes {@code v} as {@link Long#toString} does at {@code p}; returns the position after it. */
    static int putLong(byte[] buf, int p, long v) {
        if (v == Long.MIN_VALUE) {
            byte[] min = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(min, 0, buf, p, min.length);
            return p + min.length;
        }
        if (v < 0) {
            buf[p++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < 19 && v >= POW10[digits]) {
            digits++;
        }
        int i = p + digits;
        while (v >= 100) {   // two digits per division
            int two = (int) (v % 100);
            v /= 100;
            buf[--i] = (byte) ('0' + two % 10);
            buf[--i] = (byte) ('0' + two / 10);
        }
        if (v >= 10) {
            buf[--i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        buf[--i] = (byte) ('0' + v);
        return p + digits;
    }

    /**
     * Writes the decimal whose unscaled value is {@code unscaled} (not Long.MIN_VALUE) at {@code scale} as
     * {@link java.math.BigDecimal#toPlainString} does: every digit at the scale, no exponent ({@code 1230} at
     * scale 2 is {@code 12.30}, {@code -5} is {@code -0.05}, {@code 0} is {@code 0.00}). Needs
     * {@code max(19, scale + 2) + 1} bytes at {@code p}; returns the position after it.
     */
    static int putDecimal(byte[] buf, int p, long unscaled, int scale) {
        if (scale == 0) {
            return putLong(buf, p, unscaled);
        }
        long v = unscaled;
        if (v < 0) {
            buf[p++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < 19 && v >= POW10[digits]) {
            digits++;
        }
        int integers = Math.max(1, digits - scale);
        int end = p + integers + 1 + scale;
        int i = end;
        for (int k = 0; k < scale; k++) {
            buf[--i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        buf[--i] = '.';
        do {
            buf[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (i > p);
        return end;
    }

    /** Two digits of {@code v} in 0..99. */
    static int put2(byte[] buf, int p, int v) {
        buf[p] = (byte) ('0' + v / 10);
        buf[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }
}
