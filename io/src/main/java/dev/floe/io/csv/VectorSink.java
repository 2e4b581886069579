package dev.floe.io.csv;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes parsed values straight into the memory of the bound Arrow vectors: no setter checks, no object
 * per value. The price is an invariant, checked once per batch in {@link #begin}: every vector has room
 * for {@code maxRows} rows, and rows are written only below {@code maxRows}. Strings grow their data
 * buffer as needed.
 *
 * <p>Per batch: {@code begin(maxRows)} (sets every validity bit, caches addresses) → {@code put*} for
 * rows {@code 0..n-1}, in order, each row possibly more than once (a restarted record overwrites itself)
 * → {@code end(n)} (sets the value counts).
 */
final class VectorSink {
    private final FieldVector[] vectors;
    private final long[] values;
    private final long[] validity;
    private final long[] offsets;
    private final long[] dataCapacity;

    VectorSink(int columns) {
        vectors = new FieldVector[columns];
        values = new long[columns];
        validity = new long[columns];
        offsets = new long[columns];
        dataCapacity = new long[columns];
    }

    void bind(int column, FieldVector vector) {
        vectors[column] = requireNonNull(vector, "vector is null");
    }

    void begin(int maxRows) {
        for (int c = 0; c < vectors.length; c++) {
            FieldVector v = vectors[c];
            if (v == null) {
                continue;
            }
            if (v.getValueCapacity() < maxRows) {
                throw new IllegalStateException("vector '" + v.getName() + "' has room for " + v.getValueCapacity()
                        + " rows, the batch needs " + maxRows);
            }
            // every row starts valid; putNull clears its bit (nulls are the rare case)
            v.getValidityBuffer().setOne(0, v.getValidityBuffer().capacity());
            validity[c] = v.getValidityBuffer().memoryAddress();
            values[c] = v.getDataBuffer().memoryAddress();
            if (v instanceof BaseVariableWidthVector) {
                offsets[c] = v.getOffsetBuffer().memoryAddress();
                dataCapacity[c] = v.getDataBuffer().capacity();
                MemoryUtil.putInt(offsets[c], 0);
            }
        }
    }

    void end(int rows) {
        for (FieldVector v : vectors) {
            if (v instanceof BaseVariableWidthVector variable) {
                variable.setLastSet(rows - 1);
            }
            if (v != null) {
                v.setValueCount(rows);
            }
        }
    }

    void putLong(int c, int row, long value) {
        MemoryUtil.putLong(values[c] + ((long) row << 3), value);
    }

    void putDouble(int c, int row, double value) {
        MemoryUtil.putLong(values[c] + ((long) row << 3), Double.doubleToRawLongBits(value));
    }

    void putInt(int c, int row, int value) {
        MemoryUtil.putInt(values[c] + ((long) row << 2), value);
    }

    /** A DECIMAL's unscaled 128-bit integer, as {@code DecimalVector} stores it: low word first. */
    void putDecimal(int c, int row, long high, long low) {
        long at = values[c] + ((long) row << 4);
        MemoryUtil.putLong(at, low);
        MemoryUtil.putLong(at + 8, high);
    }

    void putBoolean(int c, int row, boolean value) {
        ((BitVector) vectors[c]).set(row, value ? 1 : 0);
    }

    void putString(int c, int row, byte[] a, int s, int length) {
        long rowOffset = offsets[c] + ((long) row << 2);
        int start = MemoryUtil.getInt(rowOffset);
        long end = (long) start + length;
        if (end + 8 > dataCapacity[c]) {
            growData(c, end + 8);
        }
        if (length <= 8 && s + 8 <= a.length) {
            // short strings: one 8-byte store (the bytes past the value are overwritten by the next one,
            // and the capacity check above keeps them inside the buffer)
            MemoryUtil.putLong(values[c] + start, MemoryUtil.getLong(a, s));
        } else {
            MemoryUtil.copyToMemory(a, s, values[c] + start, length);
        }
        MemoryUtil.putInt(rowOffset + 4, (int) end);
    }

    /** Makes {@code row} valid again in every column (a rejected record may have set some of it NULL). */
    void resetRow(int row) {
        for (int c = 0; c < vectors.length; c++) {
            if (vectors[c] != null) {
                long bit = validity[c] + (row >>> 3);
                MemoryUtil.putByte(bit, (byte) (MemoryUtil.getByte(bit) | (1 << (row & 7))));
            }
        }
    }

    void putNull(int c, int row) {
        long bit = validity[c] + (row >>> 3);
        MemoryUtil.putByte(bit, (byte) (MemoryUtil.getByte(bit) & ~(1 << (row & 7))));
        if (offsets[c] != 0) {
            long rowOffset = offsets[c] + ((long) row << 2);
            MemoryUtil.putInt(rowOffset + 4, MemoryUtil.getInt(rowOffset));
        }
    }

    private void growData(int c, long needed) {
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalStateException("string column '" + vectors[c].getName() + "' needs " + needed
                    + " bytes in one batch, more than Arrow allows; use a smaller batchRows");
        }
        BaseVariableWidthVector v = (BaseVariableWidthVector) vectors[c];
        while (v.getDataBuffer().capacity() < needed) {
            v.reallocDataBuffer();
        }
        values[c] = v.getDataBuffer().memoryAddress();
        dataCapacity[c] = v.getDataBuffer().capacity();
    }
}
