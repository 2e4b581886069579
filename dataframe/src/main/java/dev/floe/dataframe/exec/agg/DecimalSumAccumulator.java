package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.EvaluationException;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.eval.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code sum(x)} of DECIMAL(p,s), exact, giving DECIMAL(38,s); and {@code avg(x)} of DECIMAL, the exact
 * sum divided by the count once, at the end, giving DOUBLE (DuckDB's types for both).
 *
 * <p>State per group, all on the unscaled integers:
 * <pre>
 *   long[]       sums     the part of the sum that fits in a long: the hot path, no objects
 *   BigInteger[] spilled  null until the group's long sum would overflow (or a value wider than a long
 *                         arrives); then it takes the long part over and {@code sums[g]} starts again
 *   long[]       counts   non-NULL values (0: the sum is NULL)
 * </pre>
 * The group's sum is {@code spilled[g] + sums[g]}, an unbounded integer, so partial states merge exactly
 * in any order and the 38-digit limit is checked once, on the final sum: whether a sum overflows does not
 * depend on how rows were split into partitions.
 */
public final class DecimalSumAccumulator implements Accumulator {
    private final String description;
    private final int scale;
    private final boolean mean;
    private long[] sums = new long[0];
    private BigInteger[] spilled = new BigInteger[0];
    private long[] counts = new long[0];

    /** {@code description}: the aggregate as SQL, for errors; {@code scale}: the input's scale. */
    public DecimalSumAccumulator(String description, int scale, boolean mean) {
        this.description = description;
        this.scale = scale;
        this.mean = mean;
    }

    @Override
    public void resize(int groups) {
        if (sums.length < groups) {
            int n = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, n);
            spilled = Arrays.copyOf(spilled, n);
            counts = Arrays.copyOf(counts, n);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, FieldVector input) {
        ArrowBuf data = input.getDataBuffer();
        boolean noNulls = input.getNullCount() == 0;
        for (int i = 0; i < rows; i++) {
            if (noNulls || !input.isNull(i)) {
                int g = groupIds[i];
                long low = Decimals.low(data, i);
                long high = Decimals.high(data, i);
                counts[g]++;
                if (Decimals.fitsLong(high, low)) {
                    add(g, low);
                } else {
                    spill(g, Decimals.toBigInteger(high, low));
                }
            }
        }
    }

    private void add(int g, long x) {
        long s = sums[g];
        long r = s + x;
        if (((s ^ r) & (x ^ r)) < 0) {    // overflowed: Hacker's Delight 2-13
            spill(g, BigInteger.valueOf(s).add(BigInteger.valueOf(x)));
            sums[g] = 0;
        } else {
            sums[g] = r;
        }
    }

    private void spill(int g, BigInteger x) {
        spilled[g] = spilled[g] == null ? x : spilled[g].add(x);
    }

    @Override
    public void merge(Accumulator other, int[] mapping) {
        DecimalSumAccumulator o = (DecimalSumAccumulator) other;
        for (int g = 0; g < mapping.length; g++) {
            int t = mapping[g];
            if (t < 0 || o.counts[g] == 0) {
                continue;
            }
            counts[t] += o.counts[g];
            add(t, o.sums[g]);
            if (o.spilled[g] != null) {
                spill(t, o.spilled[g]);
            }
        }
    }

    /** Sums and divisors up to 2^53 are exact as doubles, and then one IEEE division is correctly rounded. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    /**
     * The mean of group {@code g}: sum / (count * 10^scale), rounded once to the nearest double. With no object
     * when both fit 53 bits (the common case: sums of money in a group), else with BigDecimal.
     */
    private double mean(int g) {
        long count = counts[g];
        if (spilled[g] == null && scale <= Decimals.MAX_LONG_PRECISION && Math.abs(sums[g]) <= EXACT_IN_DOUBLE) {
            long power = Decimals.longPowerOfTen(scale);
            if (count <= EXACT_IN_DOUBLE / power) {
                return (double) sums[g] / (double) (count * power);
            }
        }
        return new BigDecimal(total(g), scale).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    /** The exact unscaled sum of group {@code g}. */
    private BigInteger total(int g) {
        return spilled[g] == null ? BigInteger.valueOf(sums[g]) : spilled[g].add(BigInteger.valueOf(sums[g]));
    }

    @Override
    public void evaluate(FieldVector out, int groups) {
        if (mean) {
            Float8Vector v = (Float8Vector) out;
            v.allocateNew(Math.max(1, groups));
            for (int g = 0; g < groups; g++) {
                if (counts[g] == 0) {
                    v.setNull(g);
                } else {
                    v.set(g, mean(g));
                }
            }
            v.setValueCount(groups);
            return;
        }
        DecimalVector v = (DecimalVector) out;
        v.allocateNew(Math.max(1, groups));
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                v.setNull(g);
            } else if (spilled[g] == null) {
                v.set(g, sums[g]);
            } else {
                BigInteger total = total(g);
                if (!Decimals.fitsPrecision(total, FloeType.MAX_DECIMAL_PRECISION)) {
                    throw overflow(total);
                }
                v.set(g, new BigDecimal(total, scale));
            }
        }
        v.setValueCount(groups);
    }

    private EvaluationException overflow(BigInteger total) {
        BigDecimal value = new BigDecimal(total, scale);
        return new EvaluationException(description + " overflows DECIMAL(" + FloeType.MAX_DECIMAL_PRECISION + ","
                + scale + "): the sum " + value.toPlainString() + " has " + total.abs().toString().length()
                + " digits, more than " + FloeType.MAX_DECIMAL_PRECISION + "; cast the input to DOUBLE to sum it"
                + " approximately, or to a DECIMAL of smaller scale");
    }
}
