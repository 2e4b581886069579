package dev.floe.expressions.eval;

import dev.floe.expressions.Literal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A constant: a scalar kernel whose vector of one value is built once, at compile time. */
final class LiteralKernel extends Kernel {
    private final FieldVector value;

    LiteralKernel(Literal literal, BufferAllocator allocator) {
        super(literal.type(), literal.toSql(), allocator, true);
        value = Vectors.create(literal.type(), literal.toSql(), allocator);
        try {
            value.allocateNew();
            set(value, literal.value());
            value.setValueCount(1);
        } catch (RuntimeException e) {
            value.close();
            throw e;
        }
    }

    private static void set(FieldVector v, Object x) {
        if (x == null) {
            v.setNull(0);
        } else if (v instanceof BitVector b) {
            b.setSafe(0, (Boolean) x ? 1 : 0);
        } else if (v instanceof BigIntVector b) {
            b.setSafe(0, (Long) x);
        } else if (v instanceof Float8Vector f) {
            f.setSafe(0, (Double) x);
        } else if (v instanceof VarCharVector s) {
            s.setSafe(0, ((String) x).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof TimeStampMicroVector t) {
            t.setSafe(0, (Long) x);
        } else if (v instanceof DateDayVector d) {
            d.setSafe(0, (Integer) x);
        } else if (v instanceof DecimalVector d) {
            d.setSafe(0, (java.math.BigDecimal) x);
        } else {
            throw new IllegalStateException("no literal for vector " + v.getClass().getName());
        }
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        return value;
    }

    @Override
    public void close() {
        value.close();
        super.close();
    }
}
