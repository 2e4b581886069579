package dev.floe.expressions.eval;

import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Unary;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Unary minus on INT64 (overflow on -9223372036854775808 is an error), FLOAT64 or DECIMAL (same type). */
final class NegateKernel extends Kernel {
    private final Unary expr;
    private final Kernel input;

    NegateKernel(Unary expr, Kernel input, BufferAllocator allocator) {
        super(input.type(), expr.outputName(), allocator, List.of(input));
        if (!input.type().isNumeric()) {
            throw new IllegalArgumentException("unary minus needs a number, not " + input.type());
        }
        this.expr = expr;
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.copyValidity(valid, a, n);
        ArrowBuf x = a.data();
        ArrowBuf o = out.getDataBuffer();
        if (input.type() == FloeType.FLOAT64) {
            for (int i = 0; i < n; i++) {
                o.setDouble(i * 8L, -x.getDouble(i * 8L));
            }
        } else if (input.type().isDecimal()) {
            // -v has as many digits as v: never an overflow
            for (int i = 0; i < n; i++) {
                long high = Decimals.high(x, i);
                long low = Decimals.low(x, i);
                Decimals.set(o, i, Decimals.negateHigh(high, low), -low);
            }
        } else {
            for (int i = 0; i < n; i++) {
                long v = x.getLong(i * 8L);
                if (v == Long.MIN_VALUE && Bits.get(valid, i)) {
                    throw new EvaluationException("BIGINT overflow in " + expr.toSql() + " at row " + i
                            + ": -(" + v + ") does not fit in 64 bits");
                }
                o.setLong(i * 8L, -v);
            }
        }
        out.setValueCount(n);
        return out;
    }
}
