package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Copies single values between operands and an output vector by type, without boxing (for CASE, coalesce). */
final class Copy {
    private Copy() {
    }

    /**
     * Row {@code row} of {@code src} (NULL if src is null or NULL there) into row {@code i} of {@code out}.
     * Fixed-width outputs get every validity bit written; variable-width ones must be filled in row order.
     */
    static void value(Operand src, int row, FieldVector out, int i, FloeType type) {
        if (src == null || !src.isValid(row)) {
            setNull(out, i, type);
            return;
        }
        if (type == FloeType.STRING) {
            ((BaseVariableWidthVector) out).setSafe(i, 1, src.start(row), src.end(row), src.data());
            return;
        }
        Bits.set(out.getValidityBuffer(), i, true);
        ArrowBuf o = out.getDataBuffer();
        switch (type.kind()) {
            case BOOLEAN -> Bits.set(o, i, src.bit(row));
            case DATE -> o.setInt(i * 4L, src.getInt(row));
            case FLOAT64 -> o.setDouble(i * 8L, src.getDouble(row));
            case DECIMAL -> Decimals.set(o, i, src.decimalHigh(row), src.decimalLow(row));
            case INT64, TIMESTAMP -> o.setLong(i * 8L, src.getLong(row));
            default -> throw new IllegalStateException("unexpected type " + type);
        }
    }

    static void setNull(FieldVector out, int i, FloeType type) {
        if (type == FloeType.STRING) {
            out.setNull(i);
        } else {
            Bits.set(out.getValidityBuffer(), i, false);
        }
    }
}
