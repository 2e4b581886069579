package dev.floe.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the rows of one timeseries shard as CSV bytes into a reusable buffer and flushes it to a
 * stream: no {@code String}, no {@code String.format}, no allocation per row. The date part of the
 * timestamp ("2000-01-01 ") is re-encoded only when the day changes.
 *
 * <p>Protocol: {@link #header()} once, then {@link #row} per row, then {@link #flush()}. Not
 * thread-safe: one encoder per shard.
 */
final class ShardEncoder implements TimeseriesGenerator.RowVisitor {
    /** Longer than any row the generator can produce (about 50 bytes; the worst case is under 80). */
    private static final int MAX_ROW_BYTES = 128;
    private static final byte[][] NAMES = new byte[TimeseriesGenerator.NAME_COUNT][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = TimeseriesGenerator.name(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private long bytesWritten;

    private long currentDay = Long.MIN_VALUE;
    private final byte[] datePrefix = new byte[11]; // "YYYY-MM-DD "

    ShardEncoder(OutputStream out, int bufferBytes) {
        if (bufferBytes < 4 * MAX_ROW_BYTES) {
            throw new IllegalArgumentException("bufferBytes must be at least " + 4 * MAX_ROW_BYTES + ", got " + bufferBytes);
        }
        this.out = out;
        this.buf = new byte[bufferBytes];
    }

    void header() {
        byte[] h = (TimeseriesGenerator.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, buf, pos, h.length);
        pos += h.length;
    }

    @Override
    public void row(long epochSecond, int id, int nameIndex, long valueMicros, long xMicros) {
        if (pos > buf.length - MAX_ROW_BYTES) {
            drain();
        }
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != currentDay) {
            encodeDate(day);
        }
        byte[] b = buf;
        int p = pos;
        System.arraycopy(datePrefix, 0, b, p, 11);
        p += 11;
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        p = twoDigits(b, p, secondOfDay / 3600);
        b[p++] = ':';
        p = twoDigits(b, p, secondOfDay / 60 % 60);
        b[p++] = ':';
        p = twoDigits(b, p, secondOfDay % 60);
        b[p++] = ',';
        p = integer(b, p, id);
        b[p++] = ',';
        byte[] name = NAMES[nameIndex];
        System.arraycopy(name, 0, b, p, name.length);
        p += name.length;
        b[p++] = ',';
        p = micros(b, p, valueMicros);
        b[p++] = ',';
        p = micros(b, p, xMicros);
        b[p++] = '\n';
        pos = p;
    }

    /** Writes out whatever is buffered; returns the total number of bytes written so far. */
    long flush() {
        drain();
        return bytesWritten;
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytesWritten += pos;
        pos = 0;
    }

    private void encodeDate(long day) {
        long civil = civilFromDays(day);
        long year = civil / 10_000;
        int month = (int) (civil / 100 % 100);
        int dayOfMonth = (int) (civil % 100);
        if (year < 0 || year > 9999) {
            throw new IllegalStateException("timestamp year " + year + " does not fit YYYY");
        }
        datePrefix[0] = (byte) ('0' + year / 1000);
        datePrefix[1] = (byte) ('0' + year / 100 % 10);
        datePrefix[2] = (byte) ('0' + year / 10 % 10);
        datePrefix[3] = (byte) ('0' + year % 10);
        datePrefix[4] = '-';
        twoDigits(datePrefix, 5, month);
        datePrefix[7] = '-';
        twoDigits(datePrefix, 8, dayOfMonth);
        datePrefix[10] = ' ';
        currentDay = day;
    }

    /** Howard Hinnant's civil_from_days: days since 1970-01-01 to year * 10000 + month * 100 + day. */
    static long civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return y * 10_000 + m * 100 + d;
    }

    private static int twoDigits(byte[] b, int p, int v) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    /** Decimal digits of {@code v}, with a leading '-' if negative. */
    private static int integer(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            v = -v; // |v| stays far below Long.MAX_VALUE here: ids and micro-units of small doubles
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + digits;
    }

    /** {@code k / 10^6} with exactly six decimals: -123 -> "-0.000123", 278601 -> "0.278601". */
    private static int micros(byte[] b, int p, long k) {
        if (k < 0) {
            b[p++] = '-';
            k = -k;
        }
        p = integer(b, p, k / 1_000_000);
        b[p++] = '.';
        long frac = k % 1_000_000;
        for (int i = p + 5; i >= p; i--) {
            b[i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return p + 6;
    }
}
