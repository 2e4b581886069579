package dev.floe.expressions.eval;

import dev.floe.expressions.Cast;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import dev.floe.expressions.Values;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CAST(x AS VARCHAR) in the text forms of {@link Values#format}: integers in decimal, doubles in the
 * shortest text that reads back as the same double, timestamps and dates as {@link Temporal} prints them,
 * booleans as true/false, decimals with every digit of their scale (12.30 in DECIMAL(9,2)). Integers,
 * decimals that fit a long, dates and timestamps are written into a reused byte buffer without
 * allocating; a double goes through a String.
 */
final class FormatKernel extends Kernel {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final Kernel input;
    private final StringBuilder chars = new StringBuilder(32);
    private byte[] bytes = new byte[32];

    FormatKernel(Cast expr, Kernel input, BufferAllocator allocator) {
        super(FloeType.STRING, expr.outputName(), allocator, List.of(input));
        if (input.type() == FloeType.STRING) {
            throw new IllegalArgumentException("the input is already a STRING: " + expr.toSql());
        }
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        VarCharVector out = (VarCharVector) output(n);
        ArrowBuf x = a.data();
        FloeType from = input.type();
        for (int i = 0; i < n; i++) {
            if (!a.isValid(i)) {
                out.setNull(i);
                continue;
            }
            switch (from.kind()) {
                case BOOLEAN -> {
                    byte[] word = a.bit(i) ? TRUE : FALSE;
                    out.setSafe(i, word, 0, word.length);
                }
                case INT64 -> out.setSafe(i, bytes, 0, writeLong(x.getLong(i * 8L)));
                case FLOAT64 -> out.setSafe(i, bytes, 0, ascii(Values.formatDouble(x.getDouble(i * 8L))));
                case TIMESTAMP -> {
                    chars.setLength(0);
                    Temporal.appendTimestamp(chars, x.getLong(i * 8L));
                    out.setSafe(i, bytes, 0, ascii(chars));
                }
                case DATE -> {
                    chars.setLength(0);
                    Temporal.appendDate(chars, x.getInt(i * 4L));
                    out.setSafe(i, bytes, 0, ascii(chars));
                }
                case DECIMAL -> {
                    long high = a.decimalHigh(i);
                    long low = a.decimalLow(i);
                    int length = Decimals.fitsLong(high, low) && low != Long.MIN_VALUE
                            ? writeDecimal(low, from.scale())
                            : ascii(Decimals.toPlainString(high, low, from.scale()));
                    out.setSafe(i, bytes, 0, length);
                }
                default -> throw new IllegalStateException("unexpected type " + from);
            }
        }
        out.setValueCount(n);
        return out;
    }

    /** Writes the decimal digits of {@code v} into {@link #bytes}; returns their count. */
    private int writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii("-9223372036854775808");
        }
        int length = 0;
        long u = v;
        if (u < 0) {
            bytes[length++] = '-';
            u = -u;
        }
        int first = length;
        do {
            bytes[length++] = (byte) ('0' + u % 10);
            u /= 10;
        } while (u != 0);
        for (int lo = first, hi = length - 1; lo < hi; lo++, hi--) {
            byte t = bytes[lo];
            bytes[lo] = bytes[hi];
            bytes[hi] = t;
        }
        return length;
    }

    /**
     * Writes the unscaled {@code v} (not Long.MIN_VALUE) with the point {@code scale} digits from the right,
     * as BigDecimal.toPlainString does (1234, 2 is 12.34; -5, 3 is -0.005); returns the length.
     */
    private int writeDecimal(long v, int scale) {
        if (scale == 0) {
            return writeLong(v);
        }
        if (bytes.length < scale + 22) {
            bytes = new byte[scale + 22];
        }
        long u = Math.abs(v);
        int length = 0;
        for (int k = 0; k < scale; k++) {
            bytes[length++] = (byte) ('0' + u % 10);
            u /= 10;
        }
        bytes[length++] = '.';
        do {
            bytes[length++] = (byte) ('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (v < 0) {
            bytes[length++] = '-';
        }
        for (int lo = 0, hi = length - 1; lo < hi; lo++, hi--) {
            byte t = bytes[lo];
            bytes[lo] = bytes[hi];
            bytes[hi] = t;
        }
        return length;
    }

    /** Copies ASCII {@code s} into {@link #bytes}; returns its length. */
    private int ascii(CharSequence s) {
        int length = s.length();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        for (int k = 0; k < length; k++) {
            bytes[k] = (byte) s.charAt(k);
        }
        return length;
    }
}
