package dev.floe.expressions.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A child's result as a kernel reads it: the raw buffers and a stride. Value {@code i} sits at element
 * {@code i * stride}: stride 1 for a vector of one value per row, stride 0 for a scalar broadcast over
 * the batch. {@code offsets} is null except for strings.
 */
record Operand(FieldVector vector, ArrowBuf validity, ArrowBuf data, ArrowBuf offsets, int stride, boolean hasNulls) {

    static Operand of(FieldVector vector, boolean broadcast) {
        ArrowBuf offsets = vector instanceof BaseVariableWidthVector v ? v.getOffsetBuffer() : null;
        return new Operand(vector, vector.getValidityBuffer(), vector.getDataBuffer(), offsets,
                broadcast ? 0 : 1, vector.getNullCount() > 0);
    }

    boolean isValid(int row) {
        return Bits.get(validity, (long) row * stride);
    }

    /** The validity bits of rows {@code 8j..8j+7} as an int 0..255 (a scalar's bit repeated). */
    int validityByte(int j) {
        return stride == 0 ? Bits.broadcast(validity) : validity.getByte(j) & 0xFF;
    }

    /** The value bits of a BOOLEAN operand, rows {@code 8j..8j+7}. */
    int dataByte(int j) {
        return stride == 0 ? Bits.broadcast(data) : data.getByte(j) & 0xFF;
    }

    /** Start offset (in {@link #data}) of a string row's bytes. */
    int start(int row) {
        return offsets.getInt((long) row * stride * 4);
    }

    /** End offset (exclusive) of a string row's bytes. */
    int end(int row) {
        return offsets.getInt((long) row * stride * 4 + 4);
    }

    long getLong(int row) {
        return data.getLong((long) row * stride * 8);
    }

    double getDouble(int row) {
        return data.getDouble((long) row * stride * 8);
    }

    int getInt(int row) {
        return data.getInt((long) row * stride * 4);
    }

    /** The low word of a DECIMAL row's unscaled value (the value itself when it fits a long). */
    long decimalLow(int row) {
        return data.getLong((long) row * stride * Decimals.WIDTH);
    }

    /** The high word of a DECIMAL row's unscaled value ({@code low >> 63} when it fits a long). */
    long decimalHigh(int row) {
        return data.getLong((long) row * stride * Decimals.WIDTH + 8);
    }

    /** The row's BOOLEAN value. */
    boolean bit(int row) {
        return Bits.get(data, (long) row * stride);
    }
}
