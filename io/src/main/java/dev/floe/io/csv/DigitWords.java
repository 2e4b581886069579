package dev.floe.io.csv;

/**
 * ASCII digits eight at a time in a little-endian word (the first byte in the lowest bits): how many lead
 * the word, and their value, without a branch per digit.
 */
final class DigitWords {
    private DigitWords() {
    }

    static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** How many of the word's bytes, from the lowest, are ASCII digits (0-8). */
    static int leadingDigits(long w) {
        return Long.numberOfTrailingZeros(nonDigits(w)) >>> 3;
    }

    /**
     * A mask with some bit set in each byte of {@code w} that is not an ASCII digit, and none in the others
     * (a byte is a digit if its high nibble is 3 and adding 6 does not carry out of its low nibble; a carry
     * into the next byte comes only from a byte that is not a digit, which is flagged anyway).
     */
    static long nonDigits(long w) {
        return ((w & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L)
                | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L);
    }

    /** The value of the word's lowest {@code k} (0-8) digit bytes; the bytes above them may be anything. */
    static long value8(long w, int k) {
        if (k == 0) {
            return 0;
        }
        long v = (w - 0x3030303030303030L) << ((8 - k) << 3);
        v = (v & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        v = (v & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (v & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
    }

    /** The value of the word's lowest {@code k} (< 8) digit bytes. */
    static long value(long w, int k) {
        if (k == 0) {
            return 0;
        }
        long v = (w - 0x3030303030303030L) << ((8 - k) << 3); // the k digits in the top bytes, zeros below
        v = (v & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        v = (v & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (v & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
    }
}
