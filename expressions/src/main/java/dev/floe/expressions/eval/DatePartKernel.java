package dev.floe.expressions.eval;

import dev.floe.expressions.DatePart;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * year/quarter/month/day/weekday/dayofweek/isodow/dayofyear/week/hour/minute/second of a TIMESTAMP (micros) or DATE (days), as INT64. Time fields use
 * floorMod, so instants before 1970 get the right wall-clock fields; calendar fields go through
 * {@link Temporal#civilFromDays}, memoised for runs of rows on the same day (sorted time series).
 * No value can fail, so the loops run over every row and the validity is the input's.
 */
final class DatePartKernel extends Kernel {
    private static final long MICROS_PER_MINUTE = 60 * Temporal.MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private final DatePart.Unit unit;
    private final Kernel input;

    DatePartKernel(DatePart expr, Kernel input, BufferAllocator allocator) {
        super(FloeType.INT64, expr.outputName(), allocator, List.of(input));
        boolean dateField = expr.unit().isDateField();
        if (!(input.type() == FloeType.TIMESTAMP || (input.type() == FloeType.DATE && dateField))) {
            throw new IllegalArgumentException(expr.unit() + " of " + input.type());
        }
        this.unit = expr.unit();
        this.input = input;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        Bits.copyValidity(out.getValidityBuffer(), a, n);
        ArrowBuf x = a.data();
        ArrowBuf o = out.getDataBuffer();
        if (input.type() == FloeType.DATE) {
            calendarFromDays(x, o, n);
        } else {
            switch (unit) {
                case HOUR -> timeField(x, o, n, Temporal.MICROS_PER_DAY, MICROS_PER_HOUR);
                case MINUTE -> timeField(x, o, n, MICROS_PER_HOUR, MICROS_PER_MINUTE);
                case SECOND -> timeField(x, o, n, MICROS_PER_MINUTE, Temporal.MICROS_PER_SECOND);
                default -> calendarFromMicros(x, o, n);
            }
        }
        out.setValueCount(n);
        return out;
    }

    /** {@code floorMod(micros, period) / unitMicros}: the hour of the day, minute of the hour, ... */
    private static void timeField(ArrowBuf x, ArrowBuf o, int n, long period, long unitMicros) {
        for (int i = 0; i < n; i++) {
            o.setLong(i * 8L, Math.floorMod(x.getLong(i * 8L), period) / unitMicros);
        }
    }

    private void calendarFromMicros(ArrowBuf x, ArrowBuf o, int n) {
        long lastDay = Long.MIN_VALUE;
        long field = 0;
        for (int i = 0; i < n; i++) {
            long day = Math.floorDiv(x.getLong(i * 8L), Temporal.MICROS_PER_DAY);
            if (day != lastDay) {
                lastDay = day;
                field = field(day);
            }
            o.setLong(i * 8L, field);
        }
    }

    private void calendarFromDays(ArrowBuf x, ArrowBuf o, int n) {
        long lastDay = Long.MIN_VALUE;
        long field = 0;
        for (int i = 0; i < n; i++) {
            long day = x.getInt(i * 4L);
            if (day != lastDay) {
                lastDay = day;
                field = field(day);
            }
            o.setLong(i * 8L, field);
        }
    }

    private long field(long day) {
        return switch (unit) {
            case YEAR -> Temporal.year(Temporal.civilFromDays(day));
            case MONTH -> Temporal.month(Temporal.civilFromDays(day));
            case DAY -> Temporal.day(Temporal.civilFromDays(day));
            case QUARTER -> (Temporal.month(Temporal.civilFromDays(day)) + 2) / 3;
            case DAY_OF_WEEK -> Temporal.isoDayOfWeek(day) - 1;
            case DAYOFWEEK -> Temporal.isoDayOfWeek(day) % 7;
            case ISODOW -> Temporal.isoDayOfWeek(day);
            case DAY_OF_YEAR -> Temporal.dayOfYear(day);
            case WEEK_OF_YEAR -> Temporal.isoWeek(day);
            default -> throw new IllegalStateException("not a calendar field: " + unit);
        };
    }
}
