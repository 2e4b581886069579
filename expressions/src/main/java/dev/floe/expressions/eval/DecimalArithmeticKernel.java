package dev.floe.expressions.eval;

import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code + - *} on DECIMAL operands, of the result type {@link dev.floe.expressions.TypeChecker} gives
 * (DECIMAL(p1,s1) + DECIMAL(p2,s2) is DECIMAL(max(s1,s2) + max(p1-s1,p2-s2) + 1, max(s1,s2)), * is
 * DECIMAL(p1+p2, s1+s2), capped at 38 digits). The operands keep their own types: for + and - the one of
 * smaller scale is multiplied by 10^(scale difference) on the fly; a product needs no rescaling.
 *
 * <pre>
 *  result precision   per row
 *  <= 18              long: Math.multiplyExact (rescale), addExact / subtractExact / multiplyExact, precision check
 *  19 .. 38           the same in long when both operands and the result fit one (the common case); a
 *                     product of two longs in 128 bits (Math.multiplyHigh); + and - of wider values in
 *                     128 bits (two words, carry); a product of wider values, or a rescale beyond 10^18,
 *                     with BigInteger
 * </pre>
 *
 * A result with more digits than its precision is an {@link EvaluationException} naming the row, the
 * operands and the type (not a wrap). The result is NULL where either operand is; rows under a NULL are
 * skipped, so their garbage cannot raise an overflow.
 */
final class DecimalArithmeticKernel extends Kernel {
    private final Binary expr;
    private final Kernel left;
    private final Kernel right;
    private final int precision;
    private final int scale;
    /** For + and -: 10^(result scale - operand scale), by which each operand is multiplied; 0 when it is beyond a long. */
    private final long leftFactor;
    private final long rightFactor;
    private final Int128 scaledLeft = new Int128();
    private final Int128 scaledRight = new Int128();
    private final Int128 sum = new Int128();

    DecimalArithmeticKernel(Binary expr, FloeType type, Kernel left, Kernel right, BufferAllocator allocator) {
        super(type, expr.outputName(), allocator, List.of(left, right));
        if (!type.isDecimal() || !left.type().isDecimal() || !right.type().isDecimal()) {
            throw new IllegalArgumentException("DECIMAL arithmetic needs DECIMALs, not " + left.type() + ", "
                    + right.type() + " to " + type);
        }
        switch (expr.op()) {
            case ADD, SUB, MUL, MOD -> { }
            default -> throw new IllegalArgumentException("not a DECIMAL arithmetic operator: " + expr.op());
        }
        this.expr = expr;
        this.left = left;
        this.right = right;
        this.precision = type.precision();
        this.scale = type.scale();
        boolean mul = expr.op() == BinaryOp.MUL;
        this.leftFactor = mul ? 1 : factor(scale - left.type().scale());
        this.rightFactor = mul ? 1 : factor(scale - right.type().scale());
    }

    private static long factor(int digits) {
        return digits <= Decimals.MAX_LONG_PRECISION ? Decimals.longPowerOfTen(digits) : 0;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(left, left.evaluate(batch));
        Operand b = operand(right, right.evaluate(batch));
        int n = rows(batch);
        DecimalVector out = (DecimalVector) output(n);
        ArrowBuf valid = out.getValidityBuffer();
        Bits.andValidity(valid, a, b, n);
        ArrowBuf o = out.getDataBuffer();
        boolean nulls = a.hasNulls() || b.hasNulls();
        if (precision <= Decimals.MAX_LONG_PRECISION) {
            narrow(a, b, n, o, valid, nulls);
        } else {
            wide(a, b, n, o, valid, nulls);
        }
        out.setValueCount(n);
        return out;
    }

    /** Result precision <= 18: every operand and result is a long. */
    private void narrow(Operand a, Operand b, int n, ArrowBuf o, ArrowBuf valid, boolean nulls) {
        int i = 0;
        try {
            switch (expr.op()) {
                case ADD -> {
                    for (; i < n; i++) {
                        if (!nulls || Bits.get(valid, i)) {
                            long r = Math.addExact(Math.multiplyExact(a.decimalLow(i), leftFactor),
                                    Math.multiplyExact(b.decimalLow(i), rightFactor));
                            store(o, i, r);
                        }
                    }
                }
                case SUB -> {
                    for (; i < n; i++) {
                        if (!nulls || Bits.get(valid, i)) {
                            long r = Math.subtractExact(Math.multiplyExact(a.decimalLow(i), leftFactor),
                                    Math.multiplyExact(b.decimalLow(i), rightFactor));
                            store(o, i, r);
                        }
                    }
                }
                case MOD -> {
                    for (; i < n; i++) {
                        if (!nulls || Bits.get(valid, i)) {
                            long y = Math.multiplyExact(b.decimalLow(i), rightFactor);
                            if (y == 0) {
                                Bits.set(valid, i, false);   // x % 0 is NULL, as for BIGINT
                            } else {
                                store(o, i, Math.multiplyExact(a.decimalLow(i), leftFactor) % y);
                            }
                        }
                    }
                }
                default -> {
                    for (; i < n; i++) {
                        if (!nulls || Bits.get(valid, i)) {
                            store(o, i, Math.multiplyExact(a.decimalLow(i), b.decimalLow(i)));
                        }
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw overflow(a, b, i);
        }
    }

    private void store(ArrowBuf o, int i, long r) {
        if (!Decimals.fitsPrecision(r, precision)) {
            throw new ArithmeticException("precision");
        }
        Decimals.setLong(o, i, r);
    }

    /**
     * Result precision 19..38: long arithmetic when both operands fit a long and nothing overflows, a product
     * of longs and + - of wider values in 128 bits, BigInteger for the rest.
     */
    private void wide(Operand a, Operand b, int n, ArrowBuf o, ArrowBuf valid, boolean nulls) {
        boolean mul = expr.op() == BinaryOp.MUL;
        boolean sub = expr.op() == BinaryOp.SUB;
        boolean mod = expr.op() == BinaryOp.MOD;
        for (int i = 0; i < n; i++) {
            if (nulls && !Bits.get(valid, i)) {
                continue;
            }
            long xh = a.decimalHigh(i);
            long xl = a.decimalLow(i);
            long yh = b.decimalHigh(i);
            long yl = b.decimalLow(i);
            if (mod) {
                // both at the result's scale, then the remainder (the sign of x, as BIGINT's %); x % 0 is NULL
                BigInteger y = Decimals.toBigInteger(yh, yl).multiply(Decimals.powerOfTen(scale - right.type().scale()));
                if (y.signum() == 0) {
                    Bits.set(valid, i, false);
                    continue;
                }
                BigInteger x = Decimals.toBigInteger(xh, xl).multiply(Decimals.powerOfTen(scale - left.type().scale()));
                Decimals.setBig(o, i, x.remainder(y));   // |x % y| < |y| and <= |x|: it fits
                continue;
            }
            if (Decimals.fitsLong(xh, xl) && Decimals.fitsLong(yh, yl)) {
                if (mul) {
                    long hi = Math.multiplyHigh(xl, yl);
                    long lo = xl * yl;
                    if (!Decimals.fitsPrecision(hi, lo, precision)) {
                        throw overflow(a, b, i);
                    }
                    Decimals.set(o, i, hi, lo);
                    continue;
                }
                if (leftFactor != 0 && rightFactor != 0) {
                    long x = xl * leftFactor;
                    long y = yl * rightFactor;
                    boolean exact = Math.multiplyHigh(xl, leftFactor) == x >> 63
                            && Math.multiplyHigh(yl, rightFactor) == y >> 63;
                    long r = sub ? x - y : x + y;
                    boolean noOverflow = sub ? ((x ^ y) & (x ^ r)) >= 0 : ((x ^ r) & (y ^ r)) >= 0;
                    if (exact && noOverflow) {
                        Decimals.setLong(o, i, r);   // a long has at most 19 digits <= precision
                        continue;
                    }
                }
            }
            if (!mul && leftFactor != 0 && rightFactor != 0 && addScaled(xh, xl, yh, yl, sub)
                    && Decimals.fitsPrecision(sum.high, sum.low, precision)) {
                Decimals.set(o, i, sum.high, sum.low);
                continue;
            }
            // the exact answer, whatever did not fit above (also decides whether it is an overflow)
            BigInteger x = Decimals.toBigInteger(xh, xl);
            BigInteger y = Decimals.toBigInteger(yh, yl);
            BigInteger r;
            if (mul) {
                r = x.multiply(y);
            } else {
                x = x.multiply(Decimals.powerOfTen(scale - left.type().scale()));
                y = y.multiply(Decimals.powerOfTen(scale - right.type().scale()));
                r = sub ? x.subtract(y) : x.add(y);
            }
            if (!Decimals.fitsPrecision(r, precision)) {
                throw overflow(a, b, i);
            }
            Decimals.setBig(o, i, r);
        }
    }

    /**
     * {@code x * leftFactor ± y * rightFactor} in 128 bits, into {@link #sum}; false if a step does not fit
     * (the caller then computes exactly with BigInteger).
     */
    private boolean addScaled(long xh, long xl, long yh, long yl, boolean sub) {
        if (!scaledRight.setProduct(yh, yl, rightFactor) || (sub && !scaledRight.setNegation(scaledRight.high, scaledRight.low))) {
            return false;
        }
        return scaledLeft.setProduct(xh, xl, leftFactor)
                && sum.setSum(scaledLeft.high, scaledLeft.low, scaledRight.high, scaledRight.low);
    }

    private EvaluationException overflow(Operand a, Operand b, int row) {
        BigDecimal x = Decimals.toBigDecimal(a.decimalHigh(row), a.decimalLow(row), left.type().scale());
        BigDecimal y = Decimals.toBigDecimal(b.decimalHigh(row), b.decimalLow(row), right.type().scale());
        BigDecimal r = switch (expr.op()) {
            case ADD -> x.add(y);
            case SUB -> x.subtract(y);
            case MOD -> x.remainder(y);
            default -> x.multiply(y);
        };
        return new EvaluationException("DECIMAL overflow in " + expr.toSql() + " at row " + row + ": "
                + x.toPlainString() + " " + expr.op().symbol() + " " + y.toPlainString() + " = " + r.toPlainString()
                + " does not fit in " + type().sqlName() + " (" + (precision - scale) + " digits before the point)"
                + "; cast an operand to DOUBLE or to a DECIMAL of smaller scale");
    }
}
