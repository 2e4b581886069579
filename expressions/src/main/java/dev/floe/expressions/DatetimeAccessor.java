package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

/** {@code col("timestamp").dt().hour()}: the calendar fields of a TIMESTAMP or DATE expression. */
public final class DatetimeAccessor {
    private final Expr input;

    DatetimeAccessor(Expr input) {
        this.input = requireNonNull(input, "input is null");
    }

    public Expr year() { return new DatePart(DatePart.Unit.YEAR, input); }
    public Expr month() { return new DatePart(DatePart.Unit.MONTH, input); }
    public Expr day() { return new DatePart(DatePart.Unit.DAY, input); }
    public Expr hour() { return new DatePart(DatePart.Unit.HOUR, input); }
    public Expr minute() { return new DatePart(DatePart.Unit.MINUTE, input); }
    public Expr second() { return new DatePart(DatePart.Unit.SECOND, input); }
}
