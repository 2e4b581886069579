package dev.floe.expressions.eval;

import dev.floe.expressions.Cast;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CAST(string AS type): parses each non-NULL value with {@link TextParser}. The cast is strict: text
 * that is not a value of the type is an {@link EvaluationException} naming the text, the row and the
 * expression. When the operand is a literal the cast is scalar and runs once per batch, on one value.
 */
final class ParseKernel extends Kernel {
    private final Cast expr;
    private final Kernel input;
    private final TextParser parser = new TextParser();
    private final boolean lenient;

    ParseKernel(Cast expr, Kernel input, BufferAllocator allocator) {
        this(expr, input, false, allocator);
    }

    /** {@code lenient}: TRY_CAST, text that does not parse becomes NULL instead of an error. */
    ParseKernel(Cast expr, Kernel input, boolean lenient, BufferAllocator allocator) {
        super(expr.type(), expr.outputName(), allocator, List.of(input));
        this.lenient = lenient;
        if (input.type() != FloeType.STRING || expr.type() == FloeType.STRING) {
            throw new IllegalArgumentException("parses STRING into another type, not " + input.type() + " to " + expr.type());
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
        ArrowBuf text = a.data();
        ArrowBuf offsets = a.offsets();
        ArrowBuf o = out.getDataBuffer();
        FloeType to = type();
        boolean nulls = a.hasNulls();
        int acc = 0;
        for (int i = 0; i < n; i++) {
            boolean present = !nulls || Bits.get(valid, i);
            long start = offsets.getInt(i * 4L);
            int length = offsets.getInt(i * 4L + 4) - (int) start;
            boolean ok = !present || switch (to.kind()) {
                case INT64 -> parser.parseLong(text, start, length);
                case FLOAT64 -> parser.parseDouble(text, start, length);
                case BOOLEAN -> parser.parseBoolean(text, start, length);
                case TIMESTAMP -> parser.parseTimestamp(text, start, length);
                case DATE -> parser.parseDate(text, start, length);
                case DECIMAL -> parser.parseDecimal(text, start, length, to);
                default -> throw new IllegalStateException("unexpected type " + to);
            };
            if (!ok) {
                if (!lenient) {
                    throw failure(i, TextParser.text(text, start, length));
                }
                Bits.set(valid, i, false);
                continue;
            }
            if (!present) {
                continue;
            }
            switch (to.kind()) {
                case INT64, TIMESTAMP -> o.setLong(i * 8L, parser.longValue);
                case FLOAT64 -> o.setDouble(i * 8L, parser.doubleValue);
                case DATE -> o.setInt(i * 4L, (int) parser.longValue);
                case BOOLEAN -> Bits.set(o, i, parser.booleanValue);
                case DECIMAL -> Decimals.set(o, i, parser.decimalHigh, parser.decimalLow);
                default -> throw new IllegalStateException("unexpected type " + to);
            }
        }
        out.setValueCount(n);
        return out;
    }

    /** ", and it rounds to 100.00" when rounding to the scale is what carried the text past the precision. */
    private String roundedTo(String text) {
        try {
            java.math.BigDecimal exact = new java.math.BigDecimal(text.trim());
            java.math.BigDecimal rounded = exact.setScale(type().scale(), java.math.RoundingMode.HALF_UP);
            boolean carried = exact.precision() - exact.scale() <= type().precision() - type().scale();
            return carried ? ", and it rounds to " + rounded.toPlainString() : "";
        } catch (NumberFormatException | ArithmeticException e) {
            return "";
        }
    }

    private EvaluationException failure(int row, String text) {
        String where = input.scalar() ? "" : " at row " + row;
        String form = switch (type().kind()) {
            case INT64 -> "an integer such as 42 or -7";
            case FLOAT64 -> "a number such as 3.25, -1e-5 or NaN";
            case BOOLEAN -> "true/false, t/f, yes/no or 1/0";
            case TIMESTAMP -> "YYYY-MM-DD HH:MM:SS[.ffffff] or YYYY-MM-DD";
            case DATE -> "YYYY-MM-DD";
            case DECIMAL -> parser.decimalOverflow
                    ? "at most " + (type().precision() - type().scale()) + " digits before the point"
                            + roundedTo(text) + "; use a wider DECIMAL"
                    : "a number such as 12.34, -0.5 or 1e3";
            default -> type().sqlName();
        };
        return new EvaluationException("cannot cast '" + text + "' to " + type().sqlName() + where + " in "
                + expr.toSql() + ": expected " + form);
    }
}
