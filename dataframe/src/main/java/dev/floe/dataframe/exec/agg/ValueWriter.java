package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.FloeType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/** Writes one Java value ({@code Values.get} form) into a vector: the general, slow path. */
public final class ValueWriter {
    private ValueWriter() {
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
        }
    }
}
