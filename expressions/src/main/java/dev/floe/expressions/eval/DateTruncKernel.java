package dev.floe.expressions.eval;

import dev.floe.expressions.DateUnit;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * date_trunc(unit, x) and time_bucket(width, x[, origin]) on a TIMESTAMP or DATE, into the same type.
 * Units of a fixed length and buckets floor {@code micros - origin} to a multiple (floorDiv, so instants
 * before the origin go down too); year, quarter, month and week go through the calendar, memoised for
 * runs of rows on the same day. date_trunc of a DATE to a unit finer than a day returns the date.
 */
final class DateTruncKernel extends Kernel {
    private final DateUnit unit;
    private final long width;
    private final Kernel input;
    private final Kernel origin;

    private DateTruncKernel(String name, DateUnit unit, long width, Kernel input, Kernel origin, BufferAllocator allocator) {
        super(input.type(), name, allocator, origin == null ? List.of(input) : List.of(input, origin));
        if (!input.type().isTemporal() || (origin != null && origin.type() != FloeType.TIMESTAMP)) {
            throw new IllegalArgumentException("truncates a TIMESTAMP or DATE, not " + input.type());
        }
        this.unit = unit;
        this.width = width;
        this.input = input;
        this.origin = origin;
    }

    static DateTruncKernel truncate(String name, DateUnit unit, Kernel input, BufferAllocator allocator) {
        return new DateTruncKernel(name, unit, 0, input, null, allocator);
    }

    static DateTruncKernel bucket(String name, long widthMicros, Kernel input, Kernel origin, BufferAllocator allocator) {
        return new DateTruncKernel(name, null, widthMicros, input, origin, allocator);
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        long from = Calendar.DUCKDB_ORIGIN;
        boolean originNull = false;
        if (origin != null) {
            Operand o = Operand.of(origin.evaluate(batch), true);
            originNull = !o.isValid(0);
            from = o.getLong(0);
        }
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.copyValidity(valid, a, n);
        if (originNull) {
            for (int i = 0; i < n; i++) {
                Bits.set(valid, i, false);
            }
        }
        ArrowBuf o = out.getDataBuffer();
        boolean date = input.type() == FloeType.DATE;
        long lastDay = Long.MIN_VALUE;
        long lastResult = 0;
        for (int i = 0; i < n; i++) {
            if (date) {
                long days = a.getInt(i);
                long r;
                if (unit == null) {
                    r = Math.floorDiv(bucket(days * Temporal.MICROS_PER_DAY, from), Temporal.MICROS_PER_DAY);
                } else {
                    r = Calendar.truncateDays(days, unit);
                }
                o.setInt(i * 4L, (int) r);
                continue;
            }
            long micros = a.getLong(i);
            long r;
            if (unit == null) {
                r = bucket(micros, from);
            } else if (unit.isTimeOfDay() || unit == DateUnit.DAY) {
                r = Math.floorDiv(micros, unit.micros()) * unit.micros();
            } else {
                long day = Math.floorDiv(micros, Temporal.MICROS_PER_DAY);
                if (day != lastDay) {
                    lastDay = day;
                    lastResult = Calendar.truncateDays(day, unit) * Temporal.MICROS_PER_DAY;
                }
                r = lastResult;
            }
            o.setLong(i * 8L, r);
        }
        out.setValueCount(n);
        return out;
    }

    private long bucket(long micros, long from) {
        return Math.floorDiv(micros - from, width) * width + from;
    }
}
