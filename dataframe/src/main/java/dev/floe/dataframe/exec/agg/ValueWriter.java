package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.eval.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/** Writes one Java value ({@code Values.get} form) into a vector: the general, slow path. */
public final class ValueWriter {
    private ValueWriter() {
    }

    /** {@code value} at {@code type}'s scale (a DecimalVector takes only its own scale). */
    private static BigDecimal decimal(FloeType type, BigDecimal value) {
        if (value.scale() == type.scale()) {
            return value;
        }
        BigDecimal exact = Decimals.exact(value, type);
        if (exact == null) {
            throw new dev.floe.expressions.EvaluationException("the value " + value.toPlainString() + " does not fit "
                    + type.sqlName() + " without rounding; cast it to that type first");
        }
        return exact;
    }

    public static void write(FieldVector v, FloeType type, int index, Object value) {
        if (value == null) {
            v.setNull(index);
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> ((BitVector) v).setSafe(index, (Boolean) value ? 1 : 0);
            case INT64 -> ((BigIntVector) v).setSafe(index, (Long) value);
            case FLOAT64 -> ((Float8Vector) v).setSafe(index, (Double) value);
            case STRING -> ((VarCharVector) v).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
            case TIMESTAMP -> ((TimeStampMicroVector) v).setSafe(index, (Long) value);
            case DATE -> ((DateDayVector) v).setSafe(index, (Integer) value);
            case DECIMAL -> ((DecimalVector) v).setSafe(index, decimal(type, (BigDecimal) value));
        }
    }
}
