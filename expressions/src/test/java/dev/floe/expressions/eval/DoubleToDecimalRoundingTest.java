package dev.floe.expressions.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The object-free rounding of DOUBLE to DECIMAL ({@link DecimalCastKernel#roundedShortest}) against its
 * definition: the double's shortest decimal text rounded half away from zero. Values are chosen to be
 * near ties (decimals with one digit more than the scale, ending in 5) as well as random.
 */
class DoubleToDecimalRoundingTest {
    @Test
    void agreesWithTheShortestDecimalRounded() {
        Random random = new Random(5);
        double[] pow10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
        int fast = 0;
        for (int k = 0; k < 200_000; k++) {
            int scale = random.nextInt(pow10.length);
            double d = switch (k % 4) {
                case 0 -> (random.nextLong() % 100_000_000L * 10 + 5) / pow10[Math.min(scale + 1, pow10.length - 1)];
                case 1 -> random.nextInt(1_000_000) / pow10[random.nextInt(pow10.length)];
                case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 6);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            long r = DecimalCastKernel.roundedShortest(d * pow10[scale]);
            if (r == Long.MIN_VALUE) {
                continue;   // left to BigDecimal
            }
            fast++;
            BigDecimal expected = new BigDecimal(Values.formatDouble(d)).setScale(scale, RoundingMode.HALF_UP);
            assertEquals(expected, BigDecimal.valueOf(r, scale), () -> d + " at scale " + scale);
        }
        assertEquals(true, fast > 100_000, "most values take the fast path: " + fast);
    }
}
