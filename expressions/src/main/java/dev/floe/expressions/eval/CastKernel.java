package dev.floe.expressions.eval;

import dev.floe.expressions.Cast;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Casts between the non-string types (to and from STRING: {@link FormatKernel}, {@link ParseKernel}; to and
 * from DECIMAL: {@link DecimalCastKernel}).
 *
 * <pre>
 *  INT64   -> FLOAT64    exact up to 2^53, then rounded to nearest
 *  FLOAT64 -> INT64      rounded half away from zero (2.5 -> 3, -2.5 -> -3); NaN, infinities and values
 *                        outside the BIGINT range are errors
 *  BOOLEAN -> INT64/FLOAT64   1 / 0
 *  INT64/FLOAT64 -> BOOLEAN   x <> 0
 *  DATE    -> TIMESTAMP  midnight;  TIMESTAMP -> DATE  the day (floor, so 1969-12-31 23:00 is 1969-12-31)
 * </pre>
 */
final class CastKernel extends Kernel {
    /** The last day whose midnight fits in a TIMESTAMP (micros in a long), either side of 1970. */
    static final long MAX_TIMESTAMP_DAYS = Long.MAX_VALUE / Temporal.MICROS_PER_DAY - 1;

    private final Cast expr;
    private final FloeType from;
    private final Kernel input;
    private final boolean lenient;

    CastKernel(Cast expr, Kernel input, BufferAllocator allocator) {
        this(expr, input, false, allocator);
    }

    /** {@code lenient}: TRY_CAST, a value out of range becomes NULL instead of an error. */
    CastKernel(Cast expr, Kernel input, boolean lenient, BufferAllocator allocator) {
        super(expr.type(), expr.outputName(), allocator, List.of(input));
        this.lenient = lenient;
        if (!supports(input.type(), expr.type())) {
            throw new IllegalArgumentException("no cast kernel from " + input.type() + " to " + expr.type());
        }
        this.expr = expr;
        this.from = input.type();
        this.input = input;
    }

    static boolean supports(FloeType from, FloeType to) {
        if (from.isDecimal() || to.isDecimal()) {
            return false;   // DecimalCastKernel
        }
        boolean numericOrBool = (from.isNumeric() || from == FloeType.BOOLEAN) && (to.isNumeric() || to == FloeType.BOOLEAN);
        return from != to && (numericOrBool || (from.isTemporal() && to.isTemporal()));
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
        FloeType to = type();
        if (to == FloeType.BOOLEAN) {
            toBoolean(x, o, n);
        } else if (from == FloeType.BOOLEAN) {
            for (int i = 0; i < n; i++) {
                boolean b = a.bit(i);
                if (to == FloeType.INT64) {
                    o.setLong(i * 8L, b ? 1 : 0);
                } else {
                    o.setDouble(i * 8L, b ? 1 : 0);
                }
            }
        } else if (from == FloeType.INT64 && to == FloeType.FLOAT64) {
            for (int i = 0; i < n; i++) {
                o.setDouble(i * 8L, x.getLong(i * 8L));
            }
        } else if (from == FloeType.FLOAT64 && to == FloeType.INT64) {
            for (int i = 0; i < n; i++) {
                double d = x.getDouble(i * 8L);
                if (!(d >= -0x1p63 && d < 0x1p63)) {
                    if (lenient) {
                        Bits.set(valid, i, false);
                    } else if (Bits.get(valid, i)) {
                        throw new EvaluationException("cannot cast " + d + " to BIGINT in " + expr.toSql()
                                + " at row " + i + ": it is out of the BIGINT range");
                    }
                    continue;
                }
                o.setLong(i * 8L, roundHalfAway(d));
            }
        } else if (from == FloeType.DATE) {
            for (int i = 0; i < n; i++) {
                long days = x.getInt(i * 4L);
                if (Math.abs(days) > MAX_TIMESTAMP_DAYS && Bits.get(valid, i)) {
                    if (lenient) {
                        Bits.set(valid, i, false);
                        continue;
                    }
                    throw new EvaluationException("cannot cast DATE '" + Temporal.formatDate(days) + "' to TIMESTAMP in "
                            + expr.toSql() + " at row " + i + ": it is out of the TIMESTAMP range");
                }
                o.setLong(i * 8L, days * Temporal.MICROS_PER_DAY);
            }
        } else if (from == FloeType.TIMESTAMP) {
            for (int i = 0; i < n; i++) {
                o.setInt(i * 4L, (int) Math.floorDiv(x.getLong(i * 8L), Temporal.MICROS_PER_DAY));
            }
        } else {
            throw new IllegalStateException("no cast from " + from + " to " + to);
        }
        out.setValueCount(n);
        return out;
    }

    private void toBoolean(ArrowBuf x, ArrowBuf o, int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            boolean b = from == FloeType.INT64 ? x.getLong(i * 8L) != 0 : x.getDouble(i * 8L) != 0;
            acc |= (b ? 1 : 0) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        if ((n & 7) != 0) {
            o.setByte(n >>> 3, acc);
        }
    }

    /** Rounds to the nearest long, ties away from zero; {@code d} is within the long range. */
    static long roundHalfAway(double d) {
        long r = Math.round(d);
        if (d < 0 && r - d == 0.5) {
            r--;
        }
        return r;
    }
}
