package dev.floe.io;

import dev.floe.expressions.eval.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/** Fills a vector with one value (or NULL) for a batch: filename, partition keys, columns a file lacks. */
final class Constants {
    private Constants() {
    }

    static void fill(FieldVector vector, Object value, int rows) {
        if (vector instanceof BaseVariableWidthVector) {
            vector.reset();
        }
        if (value != null && vector instanceof DecimalVector v) {
            fillDecimal(v, (BigDecimal) value, rows);
            return;
        }
        for (int r = 0; r < rows; r++) {
            if (value == null) {
                if (vector instanceof BaseFixedWidthVector f) {
                    f.setNull(r);
                } else {
                    ((BaseVariableWidthVector) vector).setNull(r);
                }
            } else if (vector instanceof VarCharVector v) {
                v.setSafe(r, ((String) value).getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof BigIntVector v) {
                v.set(r, (Long) value);
            } else if (vector instanceof Float8Vector v) {
                v.set(r, (Double) value);
            } else if (vector instanceof DateDayVector v) {
                v.set(r, (Integer) value);
            } else if (vector instanceof TimeStampMicroVector v) {
                v.set(r, (Long) value);
            } else if (vector instanceof BitVector v) {
                v.set(r, (Boolean) value ? 1 : 0);
            } else {
                throw new IllegalStateException("cannot fill a " + vector.getClass().getSimpleName() + " with " + value);
            }
        }
        vector.setValueCount(rows);
    }

    /** The unscaled words once, then two stores a row (DecimalVector.set(BigDecimal) converts every time). */
    private static void fillDecimal(DecimalVector v, BigDecimal value, int rows) {
        BigInteger unscaled = value.setScale(v.getScale()).unscaledValue();
        long high = unscaled.shiftRight(64).longValue();
        long low = unscaled.longValue();
        for (int r = 0; r < rows; r++) {
            Decimals.set(v.getDataBuffer(), r, high, low);
            BitVectorHelper.setBit(v.getValidityBuffer(), r);
        }
        v.setValueCount(rows);
    }
}
