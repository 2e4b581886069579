package dev.floe.expressions.eval;

import dev.floe.expressions.Binary;
import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code + - * / % //} on FLOAT64, IEEE 754 ({@code %} is C's fmod: the sign of the dividend; {@code x // y}
 * is {@code floor(x / y)}), except that {@code x / 0}, {@code x % 0} and {@code x // 0} are NULL, as in DuckDB. The result is NULL where either operand is.
 *
 * <p>No operation can fail, so every loop runs over all rows, NULL or not, without a branch on
 * validity: the garbage computed under a NULL is never read.
 */
final class DoubleArithmeticKernel extends Kernel {
    private final Binary expr;
    private final Kernel left;
    private final Kernel right;

    DoubleArithmeticKernel(Binary expr, Kernel left, Kernel right, BufferAllocator allocator) {
        super(FloeType.FLOAT64, expr.outputName(), allocator, List.of(left, right));
        if (!expr.op().isArithmetic()) {
            throw new IllegalArgumentException("not an arithmetic operator: " + expr.op());
        }
        this.expr = expr;
        this.left = left;
        this.right = right;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(left, left.evaluate(batch));
        Operand b = operand(right, right.evaluate(batch));
        int n = rows(batch);
        Float8Vector out = (Float8Vector) output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.andValidity(valid, a, b, n);
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        ArrowBuf o = out.getDataBuffer();
        long sx = a.stride() * 8L;
        long sy = b.stride() * 8L;
        switch (expr.op()) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, x.getDouble(i * sx) + y.getDouble(i * sy));
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, x.getDouble(i * sx) - y.getDouble(i * sy));
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, x.getDouble(i * sx) * y.getDouble(i * sy));
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    double d = y.getDouble(i * sy);
                    if (d == 0) {
                        Bits.set(valid, i, false);
                    }
                    o.setDouble(i * 8L, x.getDouble(i * sx) / d);
                }
            }
            case MOD -> {
                for (int i = 0; i < n; i++) {
                    double d = y.getDouble(i * sy);
                    if (d == 0) {
                        Bits.set(valid, i, false);
                    }
                    o.setDouble(i * 8L, x.getDouble(i * sx) % d);
                }
            }
            case INT_DIV -> {
                for (int i = 0; i < n; i++) {
                    double d = y.getDouble(i * sy);
                    if (d == 0) {
                        Bits.set(valid, i, false);
                    }
                    o.setDouble(i * 8L, Math.floor(x.getDouble(i * sx) / d));
                }
            }
            default -> throw new IllegalStateException("unexpected operator " + expr.op());
        }
        out.setValueCount(n);
        return out;
    }
}
