package dev.floe.expressions.eval;

import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.FloeType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code = <> < <= > >=} on two operands of one type, into a BOOLEAN that is NULL where either operand is.
 *
 * <p>Each type has one loop that computes a three-way comparison {@code c} in {-1, 0, 1} per row and
 * turns it into a bit through the operator's mask ({@code (mask >> (c + 1)) & 1}; LT = 0b001,
 * EQ = 0b010, GT = 0b100, and so on), so there is no branch on the operator inside the loop. Bits are
 * collected eight at a time and stored a byte at a time.
 *
 * <p>Orders: strings by their UTF-8 bytes, unsigned (= code point order); FLOAT64 as in SQL engines,
 * {@code -0.0 = 0.0} and NaN equal to itself and above every other value; FALSE < TRUE. DECIMALs by value,
 * exactly, also across scales (the only operands that may differ in type): the side of smaller scale is
 * multiplied by 10^(difference), in long arithmetic when both are DECIMAL(18) or less after that, else in
 * 128 bits ({@link Int128}), and with BigDecimal only when the scales are more than 18 apart.
 */
final class ComparisonKernel extends Kernel {
    private final FloeType operandType;
    private final FloeType rightType;
    private final Int128 scaled = new Int128();
    private final int mask;
    private final boolean equalityOnly;
    private final Kernel left;
    private final Kernel right;

    ComparisonKernel(Binary expr, Kernel left, Kernel right, BufferAllocator allocator) {
        super(FloeType.BOOLEAN, expr.outputName(), allocator, List.of(left, right));
        if (left.type() != right.type() && !(left.type().isDecimal() && right.type().isDecimal())) {
            throw new IllegalArgumentException("compares one type, not " + left.type() + " and " + right.type());
        }
        this.operandType = left.type();
        this.rightType = right.type();
        this.mask = mask(expr.op());
        this.equalityOnly = expr.op() == BinaryOp.EQ || expr.op() == BinaryOp.NE;
        this.left = left;
        this.right = right;
    }

    static int mask(BinaryOp op) {
        return switch (op) {
            case LT -> 0b001;
            case LE -> 0b011;
            case EQ -> 0b010;
            case GE -> 0b110;
            case GT -> 0b100;
            case NE -> 0b101;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(left, left.evaluate(batch));
        Operand b = operand(right, right.evaluate(batch));
        int n = rows(batch);
        BitVector out = (BitVector) output(n);
        Bits.andValidity(out.getValidityBuffer(), a, b, n);
        ArrowBuf o = out.getDataBuffer();
        switch (operandType.kind()) {
            case INT64, TIMESTAMP -> compareLongs(a, b, n, o);
            case FLOAT64 -> compareDoubles(a, b, n, o);
            case DATE -> compareInts(a, b, n, o);
            case BOOLEAN -> compareBooleans(a, b, n, o);
            case STRING -> compareStrings(a, b, n, o);
            case DECIMAL -> compareDecimals(a, b, n, o);
        }
        out.setValueCount(n);
        return out;
    }

    private void compareLongs(Operand a, Operand b, int n, ArrowBuf o) {
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        long sx = a.stride() * 8L;
        long sy = b.stride() * 8L;
        int m = mask;
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int c = compare(x.getLong(i * sx), y.getLong(i * sy));
            acc |= ((m >>> (c + 1)) & 1) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        flush(o, n, acc);
    }

    private void compareInts(Operand a, Operand b, int n, ArrowBuf o) {
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        long sx = a.stride() * 4L;
        long sy = b.stride() * 4L;
        int m = mask;
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int c = compare((long) x.getInt(i * sx), (long) y.getInt(i * sy));
            acc |= ((m >>> (c + 1)) & 1) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        flush(o, n, acc);
    }

    private void compareDoubles(Operand a, Operand b, int n, ArrowBuf o) {
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        long sx = a.stride() * 8L;
        long sy = b.stride() * 8L;
        int m = mask;
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int c = compare(x.getDouble(i * sx), y.getDouble(i * sy));
            acc |= ((m >>> (c + 1)) & 1) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        flush(o, n, acc);
    }

    private void compareBooleans(Operand a, Operand b, int n, ArrowBuf o) {
        int m = mask;
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int c = Boolean.compare(a.bit(i), b.bit(i));
            acc |= ((m >>> (c + 1)) & 1) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        flush(o, n, acc);
    }

    private void compareStrings(Operand a, Operand b, int n, ArrowBuf o) {
        ArrowBuf x = a.data();
        ArrowBuf y = b.data();
        ArrowBuf xo = a.offsets();
        ArrowBuf yo = b.offsets();
        long sx = a.stride() * 4L;
        long sy = b.stride() * 4L;
        int m = mask;
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int xs = xo.getInt(i * sx);
            int xe = xo.getInt(i * sx + 4);
            int ys = yo.getInt(i * sy);
            int ye = yo.getInt(i * sy + 4);
            int c = equalityOnly && xe - xs != ye - ys ? 1 : compareUtf8(x, xs, xe - xs, y, ys, ye - ys);
            acc |= ((m >>> (c + 1)) & 1) << (i & 7);
            if ((i & 7) == 7) {
                o.setByte(i >>> 3, acc);
                acc = 0;
            }
        }
        flush(o, n, acc);
    }

    private void compareDecimals(Operand a, Operand b, int n, ArrowBuf o) {
        int sa = operandType.scale();
        int sb = rightType.scale();
        int shiftA = Math.max(0, sb - sa);
        int shiftB = Math.max(0, sa - sb);
        int widest = Math.max(operandType.precision() + shiftA, rightType.precision() + shiftB);
        int m = mask;
        int acc = 0;
        if (widest <= Decimals.MAX_LONG_PRECISION) {
            long fa = Decimals.longPowerOfTen(shiftA);
            long fb = Decimals.longPowerOfTen(shiftB);
            for (int i = 0; i < n; i++) {
                int c = compare(a.decimalLow(i) * fa, b.decimalLow(i) * fb);
                acc |= ((m >>> (c + 1)) & 1) << (i & 7);
                if ((i & 7) == 7) {
                    o.setByte(i >>> 3, acc);
                    acc = 0;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int c = compareWide(a, b, i, shiftA, shiftB);
                acc |= ((m >>> (c + 1)) & 1) << (i & 7);
                if ((i & 7) == 7) {
                    o.setByte(i >>> 3, acc);
                    acc = 0;
                }
            }
        }
        flush(o, n, acc);
    }

    /** Row {@code i} of two DECIMALs, the first times 10^shiftA, the second times 10^shiftB (one is 0). */
    private int compareWide(Operand a, Operand b, int i, int shiftA, int shiftB) {
        long ah = a.decimalHigh(i);
        long al = a.decimalLow(i);
        long bh = b.decimalHigh(i);
        long bl = b.decimalLow(i);
        if (shiftA == 0 && shiftB == 0) {
            return Integer.signum(Decimals.compare(ah, al, bh, bl));
        }
        if (Math.max(shiftA, shiftB) <= Decimals.MAX_LONG_PRECISION) {
            // the side of smaller scale times 10^shift in 128 bits; beyond them its magnitude is at least
            // 2^127, more than any DECIMAL(38) on the other side, so its sign decides
            if (shiftA > 0) {
                return scaled.setProduct(ah, al, Decimals.longPowerOfTen(shiftA))
                        ? Integer.signum(Decimals.compare(scaled.high, scaled.low, bh, bl)) : ah < 0 ? -1 : 1;
            }
            return scaled.setProduct(bh, bl, Decimals.longPowerOfTen(shiftB))
                    ? Integer.signum(Decimals.compare(ah, al, scaled.high, scaled.low)) : bh < 0 ? 1 : -1;
        }
        // a shift beyond 10^18 (scales 19 or more apart); garbage under a NULL is compared too, harmlessly
        return Decimals.toBigDecimal(ah, al, operandType.scale())
                .compareTo(Decimals.toBigDecimal(bh, bl, rightType.scale()));
    }

    private static void flush(ArrowBuf o, int n, int acc) {
        if ((n & 7) != 0) {
            o.setByte(n >>> 3, acc);
        }
    }

    /**
     * SQL order of doubles: -0.0 = 0.0; NaN = NaN and NaN above everything else. Returns -1, 0 or 1.
     * Written without data-dependent branches (a random predicate would mispredict half the time); the
     * NaN test is a branch that is almost never taken.
     */
    static int compare(double x, double y) {
        int c = (x > y ? 1 : 0) - (x < y ? 1 : 0);
        if (x != x || y != y) {
            return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        }
        return c;
    }

    /** {@link Long#compare} without branches. */
    static int compare(long x, long y) {
        return (x > y ? 1 : 0) - (x < y ? 1 : 0);
    }

    /** Lexicographic order of unsigned bytes, eight at a time; returns -1, 0 or 1. */
    static int compareUtf8(ArrowBuf x, long xs, int xLen, ArrowBuf y, long ys, int yLen) {
        int len = Math.min(xLen, yLen);
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            long u = x.getLong(xs + k);
            long v = y.getLong(ys + k);
            if (u != v) {
                return Long.compareUnsigned(Long.reverseBytes(u), Long.reverseBytes(v)) < 0 ? -1 : 1;
            }
        }
        for (; k < len; k++) {
            int u = x.getByte(xs + k) & 0xFF;
            int v = y.getByte(ys + k) & 0xFF;
            if (u != v) {
                return u < v ? -1 : 1;
            }
        }
        return Integer.compare(xLen, yLen);
    }
}
