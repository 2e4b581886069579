package dev.floe.expressions.eval;

/**
 * A mutable signed 128-bit integer ({@link #high}:{@link #low}, two's complement, the layout of
 * {@link Decimals}) for DECIMAL kernels off the long fast path: one instance per kernel, reused row after
 * row, so wide values are rescaled and added without BigInteger. Each operation reports whether the exact
 * result fits 128 bits; when it does not, the caller knows the magnitude is at least 2^127 (beyond any
 * DECIMAL(38)) or falls back to BigInteger.
 */
final class Int128 {
    long high;
    long low;

    /** {@code this = (h:l) * f} for {@code 1 <= f <= 10^18}; false, and this unspecified, beyond 128 bits. */
    boolean setProduct(long h, long l, long f) {
        if (f == 1) {
            high = h;
            low = l;
            return true;
        }
        boolean negative = h < 0;
        long mh = h;
        long ml = l;
        if (negative) {
            mh = Decimals.negateHigh(h, l);
            ml = -l;
            if (mh < 0) {
                return false;   // -2^127 has no positive counterpart
            }
        }
        if (Math.multiplyHigh(mh, f) != 0) {
            return false;
        }
        long hi = mh * f;
        if (hi < 0) {
            return false;
        }
        long lo = ml * f;
        hi += unsignedMultiplyHigh(ml, f);   // the carry is below f < 2^63
        if (hi < 0) {
            return false;
        }
        high = negative ? Decimals.negateHigh(hi, lo) : hi;
        low = negative ? -lo : lo;
        return true;
    }

    /** {@code this = (ah:al) + (bh:bl)}; false, and this unspecified, when the sum needs more than 128 bits. */
    boolean setSum(long ah, long al, long bh, long bl) {
        long lo = al + bl;
        long hi = ah + bh + (Long.compareUnsigned(lo, al) < 0 ? 1 : 0);
        if (((ah ^ hi) & (bh ^ hi)) < 0) {
            return false;   // both operands of one sign, the sum of the other
        }
        high = hi;
        low = lo;
        return true;
    }

    /** {@code this = -(h:l)}; false for -2^127, which has no negation. */
    boolean setNegation(long h, long l) {
        if (h == Long.MIN_VALUE && l == 0) {
            return false;
        }
        high = Decimals.negateHigh(h, l);
        low = -l;
        return true;
    }

    /** The high 64 bits of the unsigned product (Math.unsignedMultiplyHigh is Java 18). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
