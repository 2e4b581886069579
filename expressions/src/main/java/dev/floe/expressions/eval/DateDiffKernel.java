package dev.floe.expressions.eval;

import dev.floe.expressions.DateUnit;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.Temporal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * date_diff(unit, start, end) as BIGINT: {@code index(end) - index(start)}, where index counts unit
 * boundaries since the epoch (floor of micros / unit for fixed units, Monday-started weeks,
 * year * 12 + month for months, ...), so it is the number of boundaries crossed, as DuckDB's date_diff.
 * A difference that does not fit in a BIGINT is an error.
 */
final class DateDiffKernel extends Kernel {
    private final FunctionCall expr;
    private final DateUnit unit;
    private final Kernel start;
    private final Kernel end;

    DateDiffKernel(FunctionCall expr, DateUnit unit, Kernel start, Kernel end, BufferAllocator allocator) {
        super(FloeType.INT64, expr.outputName(), allocator, List.of(start, end));
        if (start.type() != end.type() || !start.type().isTemporal()) {
            throw new IllegalArgumentException("date_diff of two TIMESTAMPs or two DATEs, not " + start.type() + ", " + end.type());
        }
        this.expr = expr;
        this.unit = unit;
        this.start = start;
        this.end = end;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(start, start.evaluate(batch));
        Operand b = operand(end, end.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.andValidity(valid, a, b, n);
        ArrowBuf o = out.getDataBuffer();
        boolean date = start.type() == FloeType.DATE;
        for (int i = 0; i < n; i++) {
            if (!Bits.get(valid, i)) {
                continue;
            }
            try {
                long x = date ? index(a.getInt(i), true) : index(a.getLong(i), false);
                long y = date ? index(b.getInt(i), true) : index(b.getLong(i), false);
                o.setLong(i * 8L, Math.subtractExact(y, x));
            } catch (ArithmeticException e) {
                throw new EvaluationException("BIGINT overflow in " + expr.toSql() + " at row " + i
                        + ": the difference in " + unit.sqlName() + "s does not fit in 64 bits", e);
            }
        }
        out.setValueCount(n);
        return out;
    }

    /** The unit index of a DATE (days) or TIMESTAMP (micros). */
    private long index(long v, boolean days) {
        if (!unit.isTimeOfDay() && unit != DateUnit.DAY) {
            return Calendar.calendarIndex(days ? v : Math.floorDiv(v, Temporal.MICROS_PER_DAY), unit);
        }
        if (days) {
            return Math.multiplyExact(v, Temporal.MICROS_PER_DAY / unit.micros());
        }
        return Math.floorDiv(v, unit.micros());
    }
}
