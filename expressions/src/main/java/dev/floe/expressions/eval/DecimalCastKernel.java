package dev.floe.expressions.eval;

import dev.floe.expressions.Cast;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Casts to and from DECIMAL, other than from and to VARCHAR ({@link ParseKernel}, {@link FormatKernel}).
 *
 * <pre>
 *  BIGINT        -> DECIMAL(p,s)   exact; a value with more than p - s integer digits is an error
 *  DOUBLE        -> DECIMAL(p,s)   the double's shortest decimal text (as Values.formatDouble prints it)
 *                                  rounded half away from zero to s digits: 0.15 -> 0.2 in DECIMAL(2,1);
 *                                  NaN, infinities and too many digits are errors
 *  DECIMAL(p,s)  -> DECIMAL(q,t)   rescaled, rounded half away from zero when t < s; too many digits an error
 *  DECIMAL       -> BIGINT         rounded half away from zero (2.5 -> 3, -2.5 -> -3, as DuckDB); outside
 *                                  the BIGINT range an error
 *  DECIMAL       -> DOUBLE         the nearest double
 * </pre>
 *
 * Errors name the value, the row and the target type; TRY_CAST ({@code lenient}) gives NULL instead.
 * Values that fit a long (every DECIMAL(18) or less) take long arithmetic with no objects; a double is
 * converted without objects unless {@code d * 10^s} is near a tie or large ({@link #roundedShortest});
 * everything else goes through BigDecimal.
 */
final class DecimalCastKernel extends Kernel {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    private final Cast expr;
    private final Kernel input;
    private final FloeType from;
    private final boolean lenient;

    /** {@code lenient}: TRY_CAST, a value that does not fit becomes NULL instead of an error. */
    DecimalCastKernel(Cast expr, Kernel input, boolean lenient, BufferAllocator allocator) {
        super(expr.type(), expr.outputName(), allocator, List.of(input));
        if (!supports(input.type(), expr.type())) {
            throw new IllegalArgumentException("no DECIMAL cast kernel from " + input.type() + " to " + expr.type());
        }
        this.expr = expr;
        this.input = input;
        this.from = input.type();
        this.lenient = lenient;
    }

    static boolean supports(FloeType from, FloeType to) {
        boolean number = from == FloeType.INT64 || from == FloeType.FLOAT64 || from.isDecimal();
        boolean toNumber = to == FloeType.INT64 || to == FloeType.FLOAT64 || to.isDecimal();
        return from != to && (from.isDecimal() || to.isDecimal()) && number && toNumber;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        int n = rows(batch);
        FieldVector out = output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.copyValidity(valid, a, n);
        ArrowBuf o = out.getDataBuffer();
        boolean nulls = a.hasNulls();
        FloeType to = type();
        for (int i = 0; i < n; i++) {
            if (nulls && !Bits.get(valid, i)) {
                continue;
            }
            boolean ok;
            if (from == FloeType.INT64) {
                ok = fromLong(a.getLong(i), o, i);
            } else if (from == FloeType.FLOAT64) {
                ok = fromDouble(a.getDouble(i), o, i);
            } else if (to == FloeType.FLOAT64) {
                o.setDouble(i * 8L, toDouble(a.decimalHigh(i), a.decimalLow(i)));
                ok = true;
            } else if (to == FloeType.INT64) {
                ok = toLong(a.decimalHigh(i), a.decimalLow(i), o, i);
            } else {
                ok = rescale(a.decimalHigh(i), a.decimalLow(i), o, i);
            }
            if (!ok) {
                if (!lenient) {
                    throw failure(a, i);
                }
                Bits.set(valid, i, false);
            }
        }
        out.setValueCount(n);
        return out;
    }

    private boolean fromLong(long v, ArrowBuf o, int i) {
        FloeType to = type();
        if (to.scale() <= Decimals.MAX_LONG_PRECISION) {
            long f = Decimals.longPowerOfTen(to.scale());
            long hi = Math.multiplyHigh(v, f);
            long lo = v * f;
            if (!Decimals.fitsPrecision(hi, lo, to.precision())) {
                return false;
            }
            Decimals.set(o, i, hi, lo);
            return true;
        }
        return store(BigDecimal.valueOf(v), o, i);
    }

    private boolean fromDouble(double d, ArrowBuf o, int i) {
        if (!Double.isFinite(d)) {
            return false;
        }
        FloeType to = type();
        if (to.scale() < POW10.length) {
            long r = roundedShortest(d * POW10[to.scale()]);
            if (r != NO_FAST_ROUNDING) {
                if (!Decimals.fitsPrecision(r >> 63, r, to.precision())) {
                    return false;
                }
                Decimals.setLong(o, i, r);
                return true;
            }
        }
        return store(new BigDecimal(Values.formatDouble(d)), o, i);
    }

    private static final long NO_FAST_ROUNDING = Long.MIN_VALUE;

    /**
     * {@code m = d * 10^s} (one rounding) rounded to the integer that the shortest decimal of {@code d},
     * rounded half away from zero to s digits, has as its unscaled value; or NO_FAST_ROUNDING when that
     * cannot be told from {@code m}. Why it can: that decimal differs from d by at most half an ulp of d,
     * so, scaled, it is within about ulp(m) + ulp(m)/2 of m. An integer m below 2^50 (ulp at most 1/8)
     * is then the answer; below 2^40 (ulp at most 2^-12) a fraction more than 2^-10 from one half rounds
     * the same way for both. Otherwise (a tie such as 2.5, or large values) BigDecimal decides.
     */
    static long roundedShortest(double m) {
        double a = Math.abs(m);
        if (a < 0x1p50 && m == Math.rint(m)) {
            return (long) m;
        }
        if (a < 0x1p40) {
            double floor = Math.floor(a);
            double fraction = a - floor;   // exact
            if (Math.abs(fraction - 0.5) > 0x1p-10) {
                long r = (long) floor + (fraction > 0.5 ? 1 : 0);
                return m < 0 ? -r : r;
            }
        }
        return NO_FAST_ROUNDING;
    }

    /** {@code value} rounded half away from zero to the target type, or false if it has too many digits. */
    private boolean store(BigDecimal value, ArrowBuf o, int i) {
        BigDecimal r = Decimals.rounded(value, type());
        if (r == null) {
            return false;
        }
        Decimals.setBig(o, i, r.unscaledValue());
        return true;
    }

    private boolean rescale(long high, long low, ArrowBuf o, int i) {
        FloeType to = type();
        int shift = to.scale() - from.scale();
        if (Decimals.fitsLong(high, low) && Math.abs(shift) <= Decimals.MAX_LONG_PRECISION) {
            if (shift >= 0) {
                long f = Decimals.longPowerOfTen(shift);
                long hi = Math.multiplyHigh(low, f);
                long lo = low * f;
                if (!Decimals.fitsPrecision(hi, lo, to.precision())) {
                    return false;
                }
                Decimals.set(o, i, hi, lo);
                return true;
            }
            long r = divideHalfAway(low, Decimals.longPowerOfTen(-shift));
            if (!Decimals.fitsPrecision(r >> 63, r, to.precision())) {
                return false;
            }
            Decimals.setLong(o, i, r);
            return true;
        }
        return store(Decimals.toBigDecimal(high, low, from.scale()), o, i);
    }

    private boolean toLong(long high, long low, ArrowBuf o, int i) {
        if (Decimals.fitsLong(high, low) && from.scale() <= Decimals.MAX_LONG_PRECISION) {
            o.setLong(i * 8L, divideHalfAway(low, Decimals.longPowerOfTen(from.scale())));
            return true;
        }
        BigInteger r = Decimals.toBigDecimal(high, low, from.scale()).setScale(0, RoundingMode.HALF_UP).unscaledValue();
        if (r.bitLength() > 63) {
            return false;
        }
        o.setLong(i * 8L, r.longValue());
        return true;
    }

    private double toDouble(long high, long low) {
        if (from.scale() == 0 && Decimals.fitsLong(high, low)) {
            return low;   // one correctly rounded conversion
        }
        if (Decimals.fitsLong(high, low) && Math.abs(low) <= (1L << 52) && from.scale() < POW10.length) {
            return low / POW10[from.scale()];   // both exact: one correctly rounded division
        }
        return Decimals.toBigDecimal(high, low, from.scale()).doubleValue();
    }

    /** {@code v / m} rounded half away from zero, for {@code m >= 1}. */
    static long divideHalfAway(long v, long m) {
        long q = v / m;
        long r = Math.abs(v % m);
        if (r >= m - r) {
            q += v < 0 ? -1 : 1;
        }
        return q;
    }

    private EvaluationException failure(Operand a, int row) {
        String value;
        String why;
        FloeType to = type();
        if (from == FloeType.INT64) {
            value = Long.toString(a.getLong(row));
            why = "it has more than " + (to.precision() - to.scale()) + " digits before the point";
        } else if (from == FloeType.FLOAT64) {
            double d = a.getDouble(row);
            value = Values.formatDouble(d);
            why = Double.isFinite(d) ? "it has more than " + (to.precision() - to.scale()) + " digits before the point"
                    : "it is not a finite number";
        } else {
            value = Decimals.toPlainString(a.decimalHigh(row), a.decimalLow(row), from.scale());
            why = to == FloeType.INT64 ? "it is out of the BIGINT range"
                    : "rounded to " + to.scale() + " digits after the point it has more than "
                    + (to.precision() - to.scale()) + " before it";
        }
        String where = input.scalar() ? "" : " at row " + row;
        return new EvaluationException("cannot cast " + value + " to " + to.sqlName() + " in " + expr.toSql() + where
                + ": " + why + "; use a wider DECIMAL, or TRY_CAST for NULL instead");
    }
}
