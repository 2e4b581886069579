package dev.floe.expressions.eval;

import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.FunctionCall;
import dev.floe.expressions.ScalarFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * abs, round, floor, ceil, sqrt, ln, log10, exp, pow. On DOUBLE: Java's Math, except that round is
 * half away from zero (DuckDB's {@code round(x * 10^d) / 10^d}; NaN and infinities come back as they
 * are), and sqrt of a negative number, ln and log10 of zero or a negative number are errors naming the
 * value and the row, as in DuckDB. On BIGINT: abs (abs of the smallest BIGINT is an overflow error),
 * round to tens, hundreds, ... for negative digits (half away from zero, overflow an error); floor, ceil
 * and round with digits >= 0 return the value. On DECIMAL(p,s), typed as DuckDB types them
 * ({@link dev.floe.expressions.FunctionTypes}): abs keeps DECIMAL(p,s); floor and ceil give DECIMAL(p,0);
 * round(x, d) half away from zero gives DECIMAL(p, d) for a constant 0 <= d < s, DECIMAL(p,0) for d < 0,
 * x itself for d >= s, and DECIMAL(p+1, s) for digits that vary by row. A carry always fits those types
 * (round(9.99, 1) in DECIMAL(3,2) is 10.0 in DECIMAL(3,1)), except rounding to tens or more of a value
 * with no digits to spare, an overflow error. Values that fit a long are rounded in long arithmetic,
 * others with BigDecimal.
 */
final class MathKernel extends Kernel {
    private static final double[] POW10 = new double[23];

    static {
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = Double.parseDouble("1e" + k);
        }
    }

    private final FunctionCall expr;
    private final ScalarFunction function;
    private final Kernel x;
    private final Kernel y;

    MathKernel(FunctionCall expr, Kernel x, Kernel y, FloeType type, BufferAllocator allocator) {
        super(type, expr.outputName(), allocator, kids(x, y));
        this.expr = expr;
        this.function = expr.function();
        this.x = x;
        this.y = y;
        if (!x.type().isNumeric()) {
            throw new IllegalArgumentException(expr.toSql() + " needs a number, not " + x.type());
        }
    }

    private static List<Kernel> kids(Kernel x, Kernel y) {
        List<Kernel> out = new ArrayList<>();
        out.add(x);
        if (y != null) {
            out.add(y);
        }
        return out;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(x, x.evaluate(batch));
        Operand b = y == null ? null : operand(y, y.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        if (b == null) {
            Bits.copyValidity(valid, a, n);
        } else {
            Bits.andValidity(valid, a, b, n);
        }
        ArrowBuf o = out.getDataBuffer();
        if (type() == FloeType.FLOAT64) {
            doubles(a, b, n, o, valid);
        } else if (type().isDecimal()) {
            decimals(a, b, n, o, valid);
        } else {
            longs(a, b, n, o, valid);
        }
        out.setValueCount(n);
        return out;
    }

    private void doubles(Operand a, Operand b, int n, ArrowBuf o, ArrowBuf valid) {
        switch (function) {
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, Math.abs(a.getDouble(i)));
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, Math.floor(a.getDouble(i)));
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, Math.ceil(a.getDouble(i)));
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, Math.exp(a.getDouble(i)));
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, Math.pow(a.getDouble(i), b.getDouble(i)));
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    o.setDouble(i * 8L, round(a.getDouble(i), b == null ? 0 : b.getLong(i)));
                }
            }
            case SQRT, LN, LOG10 -> {
                for (int i = 0; i < n; i++) {
                    double v = a.getDouble(i);
                    if ((v < 0 || (v == 0 && function != ScalarFunction.SQRT)) && Bits.get(valid, i)) {
                        throw new EvaluationException("cannot take the " + (function == ScalarFunction.SQRT ? "square root"
                                : "logarithm") + " of " + (v == 0 ? "zero" : "a negative number, " + v) + ", in "
                                + expr.toSql() + " at row " + i + "; filter such rows out or use NULLIF");
                    }
                    o.setDouble(i * 8L, function == ScalarFunction.SQRT ? Math.sqrt(v)
                            : function == ScalarFunction.LN ? Math.log(v) : Math.log10(v));
                }
            }
            default -> throw new IllegalStateException("unexpected function " + function);
        }
    }

    private void longs(Operand a, Operand b, int n, ArrowBuf o, ArrowBuf valid) {
        for (int i = 0; i < n; i++) {
            long v = a.getLong(i);
            long r = v;
            if (function == ScalarFunction.ABS) {
                if (v == Long.MIN_VALUE && Bits.get(valid, i)) {
                    throw new EvaluationException("BIGINT overflow in " + expr.toSql() + " at row " + i + ": abs(" + v
                            + ") does not fit in 64 bits");
                }
                r = Math.abs(v);
            } else if (function == ScalarFunction.ROUND && b != null && Bits.get(valid, i)) {
                long digits = b.getLong(i);
                if (digits < 0) {
                    r = roundLong(v, digits, i);
                }
            }
            o.setLong(i * 8L, r);
        }
    }

    private void decimals(Operand a, Operand b, int n, ArrowBuf o, ArrowBuf valid) {
        int precision = type().precision();
        int inScale = x.type().scale();
        int shrink = inScale - type().scale();   // digits after the point the result type no longer has
        for (int i = 0; i < n; i++) {
            if (!Bits.get(valid, i)) {
                continue;
            }
            long high = a.decimalHigh(i);
            long low = a.decimalLow(i);
            if (function == ScalarFunction.ABS) {
                if (high < 0) {
                    Decimals.set(o, i, Decimals.negateHigh(high, low), -low);
                } else {
                    Decimals.set(o, i, high, low);
                }
                continue;
            }
            long drop = switch (function) {
                case ROUND -> inScale - (b == null ? 0 : Math.max(-64, Math.min(64, b.getLong(i))));
                default -> inScale;   // FLOOR, CEIL
            };
            if (drop <= 0) {
                Decimals.set(o, i, high, low);   // nothing to round; the type kept the scale (shrink is 0)
                continue;
            }
            if (Decimals.fitsLong(high, low) && drop <= Decimals.MAX_LONG_PRECISION) {
                long m = Decimals.longPowerOfTen((int) drop);
                long q = switch (function) {
                    case FLOOR -> Math.floorDiv(low, m);
                    case CEIL -> -Math.floorDiv(-low, m);
                    default -> DecimalCastKernel.divideHalfAway(low, m);
                };
                // q units of 10^drop at the input's scale are q * 10^(drop - shrink) at the result's
                long k = drop - shrink;
                if (k <= Decimals.MAX_LONG_PRECISION) {
                    long f = Decimals.longPowerOfTen((int) k);
                    long hi = Math.multiplyHigh(q, f);
                    long lo = q * f;
                    if (!Decimals.fitsPrecision(hi, lo, precision)) {
                        throw decimalOverflow(a, b, i, Decimals.toBigDecimal(hi, lo, type().scale()));
                    }
                    Decimals.set(o, i, hi, lo);
                    continue;
                }
            }
            RoundingMode mode = function == ScalarFunction.FLOOR ? RoundingMode.FLOOR
                    : function == ScalarFunction.CEIL ? RoundingMode.CEILING : RoundingMode.HALF_UP;
            BigDecimal r = Decimals.toBigDecimal(high, low, inScale).setScale(inScale - (int) drop, mode)
                    .setScale(type().scale());
            if (!Decimals.fitsPrecision(r.unscaledValue(), precision)) {
                throw decimalOverflow(a, b, i, r);
            }
            Decimals.setBig(o, i, r.unscaledValue());
        }
    }

    private EvaluationException decimalOverflow(Operand a, Operand b, int row, BigDecimal result) {
        String x = Decimals.toPlainString(a.decimalHigh(row), a.decimalLow(row), this.x.type().scale());
        String call = function.sqlName() + "(" + x + (b == null ? "" : ", " + b.getLong(row)) + ")";
        return new EvaluationException("DECIMAL overflow in " + expr.toSql() + " at row " + row + ": " + call
                + (result == null ? "" : " is " + result.toPlainString() + ", which") + " does not fit in "
                + type().sqlName() + "; cast the argument to a wider DECIMAL first");
    }

    /** {@code v} rounded to a multiple of 10^-digits (digits < 0), half away from zero. */
    private long roundLong(long v, long digits, int row) {
        if (digits < -18) {
            if (Math.abs((double) v) >= 5e18) {
                throw overflow(v, digits, row);
            }
            return 0;
        }
        long m = 1;
        for (long k = 0; k < -digits; k++) {
            m *= 10;
        }
        long q = v / m;
        long rem = Math.abs(v % m);
        if (rem >= m - rem) {
            q += Long.signum(v);
        }
        try {
            return Math.multiplyExact(q, m);
        } catch (ArithmeticException e) {
            throw overflow(v, digits, row);
        }
    }

    private EvaluationException overflow(long v, long digits, int row) {
        return new EvaluationException("BIGINT overflow in " + expr.toSql() + " at row " + row + ": round(" + v + ", "
                + digits + ") does not fit in 64 bits");
    }

    /** DuckDB's round(x, digits): half away from zero on x * 10^digits; a non-finite result gives x back. */
    static double round(double x, long digits) {
        double r;
        if (digits < 0) {
            double m = pow10(-digits);
            r = roundHalfAway(x / m) * m;
        } else {
            double m = pow10(digits);
            r = roundHalfAway(x * m) / m;
        }
        return Double.isFinite(r) ? r : x;
    }

    private static double pow10(long k) {
        return k < POW10.length ? POW10[(int) k] : Math.pow(10, k);
    }

    static double roundHalfAway(double v) {
        double a = Math.abs(v);
        double f = Math.floor(a);
        return Math.copySign(a - f >= 0.5 ? f + 1 : f, v);
    }
}
