package dev.floe.dataframe.exec.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.floe.expressions.FloeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DECIMAL sum and min/max accumulators against a BigDecimal fold, one group per value of
 * {@code row % groups}, with the rows cut into chunks of every size from 1 up that are merged in turn: so
 * that long sums overflow upwards and downwards, in update and in merge, and wide values mix with narrow ones.
 */
class DecimalAccumulatorTest {

    @ParameterizedTest(name = "DECIMAL({0},{1}) {2}")
    @CsvSource({"18,2,near-max positive", "18,2,near-max negative", "18,0,mixed sign", "38,4,wide and narrow",
        "9,9,small"})
    void sumsAndExtremesMatchABigDecimalFold(int precision, int scale, String shape) {
        FloeType type = FloeType.decimal(precision, scale);
        Random random = new Random(precision * 31L + scale + shape.hashCode());
        int n = 3_000;
        int groups = 7;
        List<BigDecimal> values = new ArrayList<>();
        BigInteger limit = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        for (int i = 0; i < n; i++) {
            BigInteger u = switch (shape) {
                case "near-max positive" -> limit.subtract(BigInteger.valueOf(random.nextInt(1000)));
                case "near-max negative" -> limit.subtract(BigInteger.valueOf(random.nextInt(1000))).negate();
                case "wide and narrow" -> random.nextBoolean() ? new BigInteger(120, random).mod(limit)
                        : BigInteger.valueOf(random.nextLong());
                default -> new BigInteger(precision * 3, random).mod(limit);
            };
            if (shape.equals("mixed sign") || shape.equals("wide and narrow")) {
                u = random.nextBoolean() ? u : u.negate();
            }
            values.add(i % 11 == 5 ? null : new BigDecimal(u, scale));
        }
        BigDecimal[] sums = new BigDecimal[groups];
        BigDecimal[] mins = new BigDecimal[groups];
        BigDecimal[] maxs = new BigDecimal[groups];
        for (int i = 0; i < n; i++) {
            BigDecimal v = values.get(i);
            int g = i % groups;
            if (v != null) {
                sums[g] = sums[g] == null ? v : sums[g].add(v);
                mins[g] = mins[g] == null || v.compareTo(mins[g]) < 0 ? v : mins[g];
                maxs[g] = maxs[g] == null || v.compareTo(maxs[g]) > 0 ? v : maxs[g];
            }
        }
        try (BufferAllocator allocator = new RootAllocator();
                DecimalVector in = new DecimalVector("x", allocator, precision, scale);
                DecimalVector sumOut = new DecimalVector("s", allocator, 38, scale);
                DecimalVector minOut = new DecimalVector("min", allocator, precision, scale);
                DecimalVector maxOut = new DecimalVector("max", allocator, precision, scale)) {
            DecimalSumAccumulator sum = new DecimalSumAccumulator("sum(x)", scale, false);
            MinMaxDecimalAccumulator min = new MinMaxDecimalAccumulator(false);
            MinMaxDecimalAccumulator max = new MinMaxDecimalAccumulator(true);
            for (Accumulator a : new Accumulator[] {sum, min, max}) {
                a.resize(groups);
            }
            int[] identity = new int[groups];
            for (int g = 0; g < groups; g++) {
                identity[g] = g;
            }
            int start = 0;
            for (int chunk = 1; start < n; chunk++) {
                int rows = Math.min(chunk, n - start);
                in.reset();
                int[] ids = new int[rows];
                for (int i = 0; i < rows; i++) {
                    BigDecimal v = values.get(start + i);
                    if (v == null) {
                        in.setNull(i);
                    } else {
                        in.setSafe(i, v);
                    }
                    ids[i] = (start + i) % groups;
                }
                in.setValueCount(rows);
                // every other chunk goes through a fresh partial that is merged in, as a combine would
                boolean partial = chunk % 2 == 0;
                DecimalSumAccumulator s = partial ? new DecimalSumAccumulator("sum(x)", scale, false) : sum;
                MinMaxDecimalAccumulator lo = partial ? new MinMaxDecimalAccumulator(false) : min;
                MinMaxDecimalAccumulator hi = partial ? new MinMaxDecimalAccumulator(true) : max;
                for (Accumulator a : new Accumulator[] {s, lo, hi}) {
                    a.resize(groups);
                    a.update(ids, rows, in);
                }
                if (partial) {
                    sum.merge(s, identity);
                    min.merge(lo, identity);
                    max.merge(hi, identity);
                }
                start += rows;
            }
            sum.evaluate(sumOut, groups);
            min.evaluate(minOut, groups);
            max.evaluate(maxOut, groups);
            for (int g = 0; g < groups; g++) {
                assertEquals(sums[g], sumOut.getObject(g), "sum of group " + g);
                assertEquals(mins[g], minOut.getObject(g), "min of group " + g);
                assertEquals(maxs[g], maxOut.getObject(g), "max of group " + g);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aGroupWithNoValuesIsNull() {
        try (BufferAllocator allocator = new RootAllocator();
                DecimalVector in = new DecimalVector("x", allocator, 10, 2);
                DecimalVector out = new DecimalVector("s", allocator, 38, 2)) {
            in.allocateNew(2);
            in.setNull(0);
            in.setSafe(1, new BigDecimal("-0.05"));
            in.setValueCount(2);
            DecimalSumAccumulator sum = new DecimalSumAccumulator("sum(x)", 2, false);
            sum.resize(2);
            sum.update(new int[] {0, 1}, 2, in);
            sum.evaluate(out, 2);
            assertNull(out.getObject(0));
            assertEquals(new BigDecimal("-0.05"), out.getObject(1));
        }
    }

    /**
     * avg of a DECIMAL is the exact mean rounded once to the nearest double, on the fast path (sum and
     * count * 10^scale within 53 bits) and off it (sums past a long): checked against BigDecimal at 60 digits.
     */
    @org.junit.jupiter.api.Test
    void theMeanIsTheExactQuotientRoundedOnce() {
        java.util.Random random = new java.util.Random(11);
        int groups = 400;
        try (BufferAllocator allocator = new RootAllocator();
                DecimalVector in = new DecimalVector("x", allocator, 38, 4);
                org.apache.arrow.vector.Float8Vector out = new org.apache.arrow.vector.Float8Vector("m", allocator)) {
            int rows = 4_000;
            in.allocateNew(rows);
            int[] ids = new int[rows];
            BigDecimal[] sums = new BigDecimal[groups];
            long[] counts = new long[groups];
            for (int r = 0; r < rows; r++) {
                int g = r % groups;
                // the last quarter of the groups hold values past 2^53 (and past a long in sum): the slow path
                BigDecimal x = g < groups * 3 / 4
                        ? BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 4)
                        : new BigDecimal(new java.math.BigInteger(80, random), 4);
                in.setSafe(r, x);
                ids[r] = g;
                sums[g] = sums[g] == null ? x : sums[g].add(x);
                counts[g]++;
            }
            in.setValueCount(rows);
            DecimalSumAccumulator mean = new DecimalSumAccumulator("avg(x)", 4, true);
            mean.resize(groups);
            mean.update(ids, rows, in);
            mean.evaluate(out, groups);
            for (int g = 0; g < groups; g++) {
                double expected = sums[g].divide(BigDecimal.valueOf(counts[g]), new java.math.MathContext(60)).doubleValue();
                assertEquals(expected, out.get(g), "group " + g);
            }
        }
    }
}
