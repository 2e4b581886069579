package dev.floe.io.csv;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code YYYY-MM-DD HH:MM:SS} (or with {@code T}) at a fixed position, to microseconds. Consecutive rows
 * usually share the date, so the date's ten bytes and its day number are cached: a repeat costs two word
 * compares; the time {@code HH:MM:SS} is one 8-byte word, checked and converted without a branch per
 * digit. Anything else (fractions, offsets, bad digits) is left to {@link ValueParsers#parseTimestampMicros}.
 * One per scanner; not thread-safe.
 *
 * <p>The hot method is kept small on purpose (the JIT inlines it into the record loop); a date change
 * goes through {@link #newDate}.
 */
final class TimestampFastPath {
    /** Returned when the bytes are not the simple shape (no valid timestamp is this many microseconds). */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    /** The ':' bytes of "HH:MM:SS" as a little-endian word (bytes 2 and 5). */
    private static final long COLONS = 0x0000_3A00_003A_0000L;
    private static final long COLON_MASK = 0x0000_FF00_00FF_0000L;
    private static final long DIGIT_MASK = ~COLON_MASK;
    private static final long ZEROS = 0x3030_0030_3000_3030L;

    private long cachedDateWord = -1;
    private int cachedDateTail = -1;
    private long cachedDayMicros;

    /** The timestamp in {@code b[p, p + 19)}; the caller has checked that 8 bytes from p + 11 are readable. */
    long micros(byte[] b, int p) {
        byte sep = b[p + 10];
        long time = MemoryUtil.getLong(b, p + 11);
        if ((sep != ' ' && sep != 'T') || (time & COLON_MASK) != COLONS) {
            return NOT_SIMPLE;
        }
        long dateWord = MemoryUtil.getLong(b, p);
        int dateTail = MemoryUtil.getInt(b, p + 6); // bytes 6-9, overlapping the word: all ten date bytes
        long dayMicros = dateWord == cachedDateWord && dateTail == cachedDateTail ? cachedDayMicros
                : newDate(b, p, dateWord, dateTail);
        // the six digit bytes: each must be 0x30-0x39 (high nibble 3, and adding 6 must not carry out of it)
        long digits = time & DIGIT_MASK;
        long bad = ((digits & 0xF0F0_00F0_F000_F0F0L) ^ ZEROS)
                | (((digits + 0x0606_0006_0600_0606L) & 0xF0F0_00F0_F000_F0F0L) ^ ZEROS);
        if (bad != 0 || dayMicros == NOT_SIMPLE) {
            return NOT_SIMPLE;
        }
        long d = digits - ZEROS;
        int hour = (int) (d & 0xF) * 10 + (int) (d >>> 8 & 0xF);
        int minute = (int) (d >>> 24 & 0xF) * 10 + (int) (d >>> 32 & 0xF);
        int second = (int) (d >>> 48 & 0xF) * 10 + (int) (d >>> 56 & 0xF);
        if (hour > 23 || minute > 59 || second > 59) {
            return NOT_SIMPLE;
        }
        return dayMicros + (hour * 3600L + minute * 60L + second) * 1_000_000L;
    }

    /** Parses and caches a new date; returns its first microsecond, or NOT_SIMPLE (not cached) if it is not a date. */
    private long newDate(byte[] b, int p, long dateWord, int dateTail) {
        long days;
        try {
            days = ValueParsers.parseDateDays(b, p, p + 10);
        } catch (ParseFailure f) {
            return NOT_SIMPLE;
        }
        cachedDateWord = dateWord;
        cachedDateTail = dateTail;
        cachedDayMicros = days * 86_400_000_000L;
        return cachedDayMicros;
    }
}
