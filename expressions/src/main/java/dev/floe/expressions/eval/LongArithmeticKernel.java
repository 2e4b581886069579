package dev.floe.expressions.eval;

import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code + - * % //} on INT64. Overflow is an {@link EvaluationException} naming the expression, row and
 * operands; {@code x % 0} and {@code x // 0} are NULL (as in DuckDB). {@code //} is floor division, as
 * Python's and pandas': {@code -7 // 2 = -4} (Java's {@code /} and {@code %} truncate: {@code -7 % 2 = -1}). The result is NULL where either operand is.
 *
 * <p>Validity is computed first, a byte at a time; then + - * run a loop that skips NULL rows only when
 * an operand has NULLs (the garbage under a NULL must not raise a spurious overflow).
 */
final class LongArithmeticKernel extends Kernel {
    private final Binary expr;
    private final Kernel left;
    private final Kernel right;

    LongArithmeticKernel(Binary expr, Kernel left, Kernel right, BufferAllocator allocator) {
        super(FloeType.INT64, expr.outputName(), allocator, List.of(left, right));
        if (expr.op() == BinaryOp.DIV || !expr.op().isArithmetic()) {
            throw new IllegalArgumentException("not an INT64 arithmetic operator: " + expr.op());
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
        BigIntVector out = (BigIntVector) output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.andValidity(valid, a, b, n);
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        ArrowBuf o = out.getDataBuffer();
        long sx = a.stride() * 8L;
        long sy = b.stride() * 8L;
        boolean nulls = a.hasNulls() || b.hasNulls();
        int i = 0;
        try {
            switch (expr.op()) {
                case ADD -> {
                    if (!nulls) {
                        for (; i < n; i++) {
                            o.setLong(i * 8L, Math.addExact(x.getLong(i * sx), y.getLong(i * sy)));
                        }
                    } else {
                        for (; i < n; i++) {
                            if (Bits.get(valid, i)) {
                                o.setLong(i * 8L, Math.addExact(x.getLong(i * sx), y.getLong(i * sy)));
                            }
                        }
                    }
                }
                case SUB -> {
                    if (!nulls) {
                        for (; i < n; i++) {
                            o.setLong(i * 8L, Math.subtractExact(x.getLong(i * sx), y.getLong(i * sy)));
                        }
                    } else {
                        for (; i < n; i++) {
                            if (Bits.get(valid, i)) {
                                o.setLong(i * 8L, Math.subtractExact(x.getLong(i * sx), y.getLong(i * sy)));
                            }
                        }
                    }
                }
                case MUL -> {
                    if (!nulls) {
                        for (; i < n; i++) {
                            o.setLong(i * 8L, Math.multiplyExact(x.getLong(i * sx), y.getLong(i * sy)));
                        }
                    } else {
                        for (; i < n; i++) {
                            if (Bits.get(valid, i)) {
                                o.setLong(i * 8L, Math.multiplyExact(x.getLong(i * sx), y.getLong(i * sy)));
                            }
                        }
                    }
                }
                case MOD -> {
                    for (; i < n; i++) {
                        long d = y.getLong(i * sy);
                        if (d == 0) {
                            Bits.set(valid, i, false);
                        } else {
                            o.setLong(i * 8L, x.getLong(i * sx) % d);
                        }
                    }
                }
                case INT_DIV -> {
                    for (; i < n; i++) {
                        long d = y.getLong(i * sy);
                        long v = x.getLong(i * sx);
                        if (d == 0) {
                            Bits.set(valid, i, false);
                        } else {
                            if (d == -1 && v == Long.MIN_VALUE && Bits.get(valid, i)) {
                                throw new ArithmeticException("overflow");
                            }
                            o.setLong(i * 8L, Math.floorDiv(v, d));
                        }
                    }
                }
                default -> throw new IllegalStateException("unexpected operator " + expr.op());
            }
        } catch (ArithmeticException e) {
            throw new EvaluationException("BIGINT overflow in " + expr.toSql() + " at row " + i + ": "
                    + x.getLong(i * sx) + " " + expr.op().symbol() + " " + y.getLong(i * sy)
                    + " does not fit in 64 bits; cast an operand to DOUBLE", e);
        }
        out.setValueCount(n);
        return out;
    }
}
