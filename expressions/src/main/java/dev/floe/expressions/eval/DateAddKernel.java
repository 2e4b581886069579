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
 * date_add(unit, n, x): a TIMESTAMP or DATE moved by n units. Months, quarters and years move the
 * calendar fields and clamp the day to the end of the month (2024-01-31 + 1 month = 2024-02-29), keeping
 * the time of day; weeks and finer add a fixed number of microseconds (days). A result outside the
 * type's range is an error naming the row.
 */
final class DateAddKernel extends Kernel {
    private final FunctionCall expr;
    private final DateUnit unit;
    private final Kernel amount;
    private final Kernel input;

    DateAddKernel(FunctionCall expr, DateUnit unit, Kernel amount, Kernel input, BufferAllocator allocator) {
        super(input.type(), expr.outputName(), allocator, List.of(amount, input));
        if (amount.type() != FloeType.INT64 || !input.type().isTemporal()
                || (input.type() == FloeType.DATE && unit.isTimeOfDay())) {
            throw new IllegalArgumentException("date_add of " + unit + " to " + input.type());
        }
        this.expr = expr;
        this.unit = unit;
        this.amount = amount;
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand k = operand(amount, amount.evaluate(batch));
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.andValidity(valid, k, a, n);
        ArrowBuf o = out.getDataBuffer();
        boolean date = input.type() == FloeType.DATE;
        for (int i = 0; i < n; i++) {
            if (!Bits.get(valid, i)) {
                continue;
            }
            try {
                if (date) {
                    long r = addDays(a.getInt(i), k.getLong(i));
                    o.setInt(i * 4L, Math.toIntExact(r));
                } else {
                    long micros = a.getLong(i);
                    long r;
                    if (unit.isFixed()) {
                        r = Math.addExact(micros, Math.multiplyExact(k.getLong(i), unit.micros()));
                    } else {
                        long days = Math.floorDiv(micros, Temporal.MICROS_PER_DAY);
                        long timeOfDay = micros - days * Temporal.MICROS_PER_DAY;
                        r = Math.addExact(Math.multiplyExact(addDays(days, k.getLong(i)), Temporal.MICROS_PER_DAY), timeOfDay);
                    }
                    o.setLong(i * 8L, r);
                }
            } catch (ArithmeticException e) {
                throw new EvaluationException("cannot add " + k.getLong(i) + " " + unit.sqlName() + "s in " + expr.toSql()
                        + " at row " + i + ": the result is out of the " + input.type().sqlName() + " range", e);
            }
        }
        out.setValueCount(n);
        return out;
    }

    /** {@code days} moved by n units of a day or longer. */
    private long addDays(long days, long n) {
        if (unit.isFixed()) {
            return Math.addExact(days, Math.multiplyExact(n, unit.micros() / Temporal.MICROS_PER_DAY));
        }
        long months = Math.multiplyExact(n, unit == DateUnit.YEAR ? 12 : unit == DateUnit.QUARTER ? 3 : 1);
        long civil = Temporal.civilFromDays(days);
        long total = Math.addExact(Math.multiplyExact(Temporal.year(civil), 12) + Temporal.month(civil) - 1, months);
        long year = Math.floorDiv(total, 12);
        int month = (int) Math.floorMod(total, 12) + 1;
        if (Math.abs(year) > 100_000_000L) {
            throw new ArithmeticException("year " + year);
        }
        int day = Math.min(Temporal.day(civil), Temporal.daysInMonth(year, month));
        return Temporal.daysFromCivil(year, month, day);
    }
}
