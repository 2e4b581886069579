package dev.floe.io.csv;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code YYYY-MM-DD HH:MM:SS} (or with {@code T}) at a fixed position, to microseconds. Consecutive rows
 * usually share the date, so the date's ten bytes and its day number are cached: a repeat costs two word
 * compares and the six time digits. Anything else (fractions, offsets, bad digits) is left to
 * {@link ValueParsers#parseTimestampMicros}. One per scanner; not thread-safe.
 */
final class TimestampFastPath {
    /** Returned when the bytes are not the simple shape (no valid timestamp is this many microseconds). */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    private long cachedDateWord = -1;
    private int cachedDateTail = -1;
    private long cachedDays;

    /** The timestamp in {@code b[p, p + 19)}; the caller has checked that 8 bytes from p + 6 are readable. */
    long micros(byte[] b, int p) {
        byte sep = b[p + 10];
        if ((sep != ' ' && sep != 'T') || b[p + 13] != ':' || b[p + 16] != ':') {
            return NOT_SIMPLE;
        }
        long dateWord = MemoryUtil.getLong(b, p);
        int dateTail = MemoryUtil.getInt(b, p + 6); // bytes 6-9, overlapping the word: all ten date bytes
        long days;
        if (dateWord == cachedDateWord && dateTail == cachedDateTail) {
            days = cachedDays;
        } else {
            try {
                days = ValueParsers.parseDateDays(b, p, p + 10);
            } catch (ParseFailure f) {
                return NOT_SIMPLE;
            }
            cachedDateWord = dateWord;
            cachedDateTail = dateTail;
            cachedDays = days;
        }
        int h0 = b[p + 11] - '0', h1 = b[p + 12] - '0', m0 = b[p + 14] - '0', m1 = b[p + 15] - '0';
        int s0 = b[p + 17] - '0', s1 = b[p + 18] - '0';
        if ((h0 | (9 - h0) | h1 | (9 - h1) | m0 | (9 - m0) | m1 | (9 - m1) | s0 | (9 - s0) | s1 | (9 - s1)) < 0) {
            return NOT_SIMPLE;
        }
        int hour = h0 * 10 + h1;
        int minute = m0 * 10 + m1;
        int second = s0 * 10 + s1;
        if (hour > 23 || minute > 59 || second > 59) {
            return NOT_SIMPLE;
        }
        return (days * 86_400L + hour * 3600L + minute * 60L + second) * 1_000_000L;
    }
}
