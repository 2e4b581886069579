package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.Temporal;
import dev.floe.expressions.Values;
import dev.floe.expressions.eval.Decimals;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Arrow batches to CSV bytes, row by row, straight into a byte buffer: integers, timestamps and dates are
 * written digit by digit, strings are copied from the vector's data buffer and quoted only when they must
 * be; no object per value except for doubles that need {@link Values#formatDouble}'s general path (see
 * {@link DoubleText}) and decimals whose unscaled value does not fit a long (precision above 18). The text forms are {@link Values#format}'s, which the CLI's {@code --format csv} prints.
 */
final class CsvEncoder {
    private static final int BUFFER = 1 << 16;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final OutputStream out;
    private final FloeType[] types;
    private final byte delimiter;
    private final byte quote;
    private final byte[] nullBytes;
    private final boolean quoteNullLookalikes;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private byte[] scratch = new byte[64];
    private long cachedDays = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[32];
    private int cachedDateLength;

    CsvEncoder(OutputStream out, Schema schema, CsvWriteOptions options) {
        this.out = requireNonNull(out, "out is null");
        this.types = schema.fields().stream().map(f -> f.type()).toArray(FloeType[]::new);
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quote();
        this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
        this.quoteNullLookalikes = nullBytes.length > 0;
    }

    void header(Schema schema) throws IOException {
        for (int c = 0; c < schema.size(); c++) {
            if (c > 0) {
                put(delimiter);
            }
            byte[] name = schema.field(c).name().getBytes(StandardCharsets.UTF_8);
            ensure(name.length);
            System.arraycopy(name, 0, buf, pos, name.length);
            pos += name.length;
            quoteIfNeeded(pos - name.length, name.length);
        }
        put((byte) '\n');
    }

    void batch(VectorSchemaRoot root) throws IOException {
        int rows = root.getRowCount();
        List<FieldVector> vectors = root.getFieldVectors();
        int columns = vectors.size();
        // the buffers, fetched once per batch: the row loop then reads memory through one final class
        ArrowBuf[] validity = new ArrowBuf[columns];
        ArrowBuf[] data = new ArrowBuf[columns];
        ArrowBuf[] offsets = new ArrowBuf[columns];
        for (int c = 0; c < columns; c++) {
            FieldVector v = vectors.get(c);
            validity[c] = v.getValidityBuffer();
            data[c] = v.getDataBuffer();
            offsets[c] = types[c] == FloeType.STRING ? v.getOffsetBuffer() : null;
        }
        for (int r = 0; r < rows; r++) {
            long validityByte = r >> 3;
            int validityBit = r & 7;
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    put(delimiter);
                }
                if ((validity[c].getByte(validityByte) >> validityBit & 1) == 0) {
                    putBytes(nullBytes);
                    continue;
                }
                ArrowBuf values = data[c];
                switch (types[c].kind()) {
                    case INT64 -> putLong(values.getLong(r * 8L));
                    case FLOAT64 -> putDouble(values.getDouble(r * 8L));
                    case TIMESTAMP -> putTimestamp(values.getLong(r * 8L));
                    case DATE -> putDate(values.getInt(r * 4L));
                    case BOOLEAN -> putBytes((values.getByte(validityByte) >> validityBit & 1) != 0 ? TRUE : FALSE);
                    case STRING -> putString(offsets[c], values, r);
                    case DECIMAL -> putDecimal(values, r, types[c].scale());
                    default -> throw new IllegalStateException("CSV output of " + types[c] + " columns ('"
                            + vectors.get(c).getName() + "') is not implemented");
                }
            }
            put((byte) '\n');
        }
    }

    /** Writes out what is buffered (does not flush or close the stream). */
    void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    private void putString(ArrowBuf offsets, ArrowBuf data, int row) throws IOException {
        int start = offsets.getInt(row * 4L);
        int length = offsets.getInt((row + 1) * 4L) - start;
        ensure(length);
        data.getBytes(start, buf, pos, length);
        pos += length;
        quoteIfNeeded(pos - length, length);
    }

    /**
     * The field just written at {@code buf[from, from + length)}: if it is empty text (and so must be told
     * from NULL), holds the delimiter, the quote, CR or LF, or equals a non-empty null string, rewrites it
     * quoted, with quotes doubled.
     */
    private void quoteIfNeeded(int from, int length) throws IOException {
        int quotes = 0;
        boolean special = length == 0;
        for (int i = from, end = from + length; i < end; i++) {
            byte b = buf[i];
            if (b == quote) {
                quotes++;
                special = true;
            } else if (b == delimiter || b == '\n' || b == '\r') {
                special = true;
            }
        }
        if (!special && quoteNullLookalikes && length == nullBytes.length
                && java.util.Arrays.equals(buf, from, from + length, nullBytes, 0, length)) {
            special = true;
        }
        if (!special) {
            return;
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        System.arraycopy(buf, from, scratch, 0, length);
        pos = from;
        // the quoted field needs length + quotes + 2 bytes from `from`; drain what comes before it if they do not fit
        int needed = length + quotes + 2;
        if (from + needed > buf.length) {
            drain();
            if (needed > buf.length) {
                buf = new byte[Math.max(needed, buf.length * 2)];
            }
        }
        buf[pos++] = quote;
        for (int i = 0; i < length; i++) {
            byte b = scratch[i];
            buf[pos++] = b;
            if (b == quote) {
                buf[pos++] = quote;
            }
        }
        buf[pos++] = quote;
    }

    private void putDouble(double d) throws IOException {
        ensure(32);
        int n = DoubleText.write(d, buf, pos);
        if (n >= 0) {
            pos += n;
            return;
        }
        String s = Values.formatDouble(d);
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /**
     * {@link Values#format}'s text of a DECIMAL: every digit at the scale, no exponent. Unscaled values that
     * fit a long (every value of precision 18 or less) are written digit by digit; wider ones through BigDecimal.
     */
    private void putDecimal(ArrowBuf data, int row, int scale) throws IOException {
        long low = Decimals.low(data, row);
        long high = Decimals.high(data, row);
        if (Decimals.fitsLong(high, low) && low != Long.MIN_VALUE) {
            ensure(scale + 24);
            pos = Digits.putDecimal(buf, pos, low, scale);
            return;
        }
        String s = Decimals.toBigDecimal(high, low, scale).toPlainString();
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void putLong(long v) throws IOException {
        ensure(20);
        pos = Digits.putLong(buf, pos, v);
    }

    /** {@link Temporal#appendTimestamp}'s text: {@code YYYY-MM-DD HH:MM:SS[.fraction]}. */
    private void putTimestamp(long micros) throws IOException {
        ensure(48);
        long days = Math.floorDiv(micros, Temporal.MICROS_PER_DAY);
        long microsOfDay = micros - days * Temporal.MICROS_PER_DAY;
        pos = putCivilDate(days);
        long second = microsOfDay / Temporal.MICROS_PER_SECOND;
        buf[pos++] = ' ';
        pos = Digits.put2(buf, pos, (int) (second / 3600));
        buf[pos++] = ':';
        pos = Digits.put2(buf, pos, (int) (second / 60 % 60));
        buf[pos++] = ':';
        pos = Digits.put2(buf, pos, (int) (second % 60));
        int fraction = (int) (microsOfDay % Temporal.MICROS_PER_SECOND);
        if (fraction != 0) {
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            buf[pos++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += digits;
        }
    }

    private void putDate(long days) throws IOException {
        ensure(32);
        pos = putCivilDate(days);
    }

    /**
     * {@link Temporal#appendDate}'s text: four-digit years in 0..9999, others as plain numbers. The last date's
     * text is kept: neighbouring timestamps mostly share their day.
     */
    private int putCivilDate(long days) {
        if (days != cachedDays) {
            long civil = Temporal.civilFromDays(days);
            long year = Temporal.year(civil);
            int p = 0;
            if (year >= 0 && year < 10000) {
                p = Digits.put2(cachedDate, p, (int) (year / 100));
                p = Digits.put2(cachedDate, p, (int) (year % 100));
            } else {
                p = Digits.putLong(cachedDate, p, year);
            }
            cachedDate[p++] = '-';
            p = Digits.put2(cachedDate, p, Temporal.month(civil));
            cachedDate[p++] = '-';
            cachedDateLength = Digits.put2(cachedDate, p, Temporal.day(civil));
            cachedDays = days;
        }
        System.arraycopy(cachedDate, 0, buf, pos, cachedDateLength);
        return pos + cachedDateLength;
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = b;
    }

    private void putBytes(byte[] b) throws IOException {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Room for {@code n} more bytes at {@code pos}. */
    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            drain();
            if (n > buf.length) {
                buf = new byte[Math.max(n, buf.length * 2)];
            }
        }
    }
}
