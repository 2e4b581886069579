package dev.floe.expressions.eval;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.InList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code x IN (v1, ..., vk)} over constant values: each batch reads the k scalar values once into a
 * primitive array (bytes for strings), then tests each row against them with the comparison kernel's
 * equality (NaN = NaN, -0.0 = 0.0, strings by bytes; DECIMAL values of other scales are rescaled to the
 * input's exactly, once per batch, and one that does not fit it can equal no row). NULL when x is NULL, or when nothing matches and
 * some value is NULL.
 */
final class InKernel extends Kernel {
    private final Kernel input;
    private final List<Kernel> values;
    private final FloeType operandType;
    private long[] longs;
    private double[] doubles;
    private byte[][] strings;
    /** DECIMAL values rescaled to the input's scale (values that cannot be equal to any input are left out). */
    private long[] highs;

    InKernel(InList expr, Kernel input, List<Kernel> values, BufferAllocator allocator) {
        super(FloeType.BOOLEAN, expr.outputName(), allocator, concat(input, values));
        this.input = input;
        this.values = List.copyOf(values);
        this.operandType = input.type();
        for (Kernel v : values) {
            boolean decimals = operandType.isDecimal() && v.type().isDecimal();
            if (!v.scalar() || (v.type() != operandType && !decimals)) {
                throw new IllegalArgumentException("IN needs constant values of type " + operandType + " in " + expr.toSql());
            }
        }
    }

    private static List<Kernel> concat(Kernel input, List<Kernel> values) {
        java.util.ArrayList<Kernel> all = new java.util.ArrayList<>();
        all.add(input);
        all.addAll(values);
        return all;
    }

    @Override
    public FieldVector evaluate(VectorSchemaRoot batch) {
        Operand a = operand(input, input.evaluate(batch));
        boolean listHasNull = loadValues(batch);
        int n = rows(batch);
        BitVector out = (BitVector) output(n);
        ArrowBuf valid = out.getValidityBuffer();
        ArrowBuf o = out.getDataBuffer();
        for (int i = 0; i < n; i++) {
            if (!a.isValid(i)) {
                Bits.set(valid, i, false);
                Bits.set(o, i, false);
                continue;
            }
            boolean match = matches(a, i);
            Bits.set(valid, i, match || !listHasNull);
            Bits.set(o, i, match);
        }
        out.setValueCount(n);
        return out;
    }

    /** Reads the values into the arrays (NULLs left out); returns whether one was NULL. */
    private boolean loadValues(VectorSchemaRoot batch) {
        int k = values.size();
        int count = 0;
        boolean hasNull = false;
        longs = longs == null ? new long[k] : longs;
        doubles = doubles == null ? new double[k] : doubles;
        strings = strings == null ? new byte[k][] : strings;
        highs = highs == null ? new long[k] : highs;
        for (Kernel v : values) {
            Operand x = Operand.of(v.evaluate(batch), true);
            if (!x.isValid(0)) {
                hasNull = true;
                continue;
            }
            switch (operandType.kind()) {
                case FLOAT64 -> doubles[count] = x.getDouble(0);
                case DATE -> longs[count] = x.getInt(0);
                case BOOLEAN -> longs[count] = x.bit(0) ? 1 : 0;
                case STRING -> {
                    byte[] b = new byte[x.end(0) - x.start(0)];
                    x.data().getBytes(x.start(0), b, 0, b.length);
                    strings[count] = b;
                }
                case DECIMAL -> {
                    BigDecimal exact = Decimals.exact(
                            Decimals.toBigDecimal(x.decimalHigh(0), x.decimalLow(0), v.type().scale()), operandType);
                    if (exact == null) {
                        continue;   // more digits than the input's type has: equal to no row
                    }
                    BigInteger unscaled = exact.unscaledValue();
                    longs[count] = unscaled.longValue();
                    highs[count] = unscaled.shiftRight(64).longValue();
                }
                default -> longs[count] = x.getLong(0);
            }
            count++;
        }
        valueCount = count;
        return hasNull;
    }

    private int valueCount;

    private boolean matches(Operand a, int i) {
        switch (operandType.kind()) {
            case FLOAT64 -> {
                double d = a.getDouble(i);
                for (int k = 0; k < valueCount; k++) {
                    if (ComparisonKernel.compare(d, doubles[k]) == 0) {
                        return true;
                    }
                }
                return false;
            }
            case DECIMAL -> {
                long high = a.decimalHigh(i);
                long low = a.decimalLow(i);
                for (int k = 0; k < valueCount; k++) {
                    if (longs[k] == low && highs[k] == high) {
                        return true;
                    }
                }
                return false;
            }
            case STRING -> {
                int start = a.start(i);
                int len = a.end(i) - start;
                ArrowBuf data = a.data();
                for (int k = 0; k < valueCount; k++) {
                    byte[] v = strings[k];
                    if (v.length == len && equal(data, start, v)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                long x = operandType == FloeType.DATE ? a.getInt(i) : operandType == FloeType.BOOLEAN ? (a.bit(i) ? 1 : 0) : a.getLong(i);
                for (int k = 0; k < valueCount; k++) {
                    if (longs[k] == x) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static boolean equal(ArrowBuf data, long start, byte[] v) {
        for (int k = 0; k < v.length; k++) {
            if (data.getByte(start + k) != v[k]) {
                return false;
            }
        }
        return true;
    }
}
