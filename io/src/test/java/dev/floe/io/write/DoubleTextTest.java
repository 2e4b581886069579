package dev.floe.io.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Values;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast double path prints exactly {@link Values#formatDouble}'s text, or declines. */
class DoubleTextTest {
    private static int check(double d) {
        byte[] buf = new byte[32];
        int n = DoubleText.write(d, buf, 0);
        if (n >= 0) {
            assertEquals(Values.formatDouble(d), new String(buf, 0, n, StandardCharsets.US_ASCII), "bits "
                    + Long.toHexString(Double.doubleToRawLongBits(d)));
        }
        return n;
    }

    @Test
    void agreesWithFormatDouble() {
        Random random = new Random(11);
        int fast = 0;
        int total = 300_000;
        for (int i = 0; i < total; i++) {
            double d = TestBatches.randomDouble(random);
            if (check(d) >= 0) {
                fast++;
            }
            check(Math.nextUp(d));
            check(Math.nextDown(d));
        }
        assertTrue(fast > total / 2, "fast path used for " + fast + " of " + total);
    }

    @Test
    void edgeValues() {
        double[] values = {0.001, 0.0009999999999999998, 9999999.999999998, 1e7, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3,
                2.0 / 3, 100.0, -0.5, 123456.789, 0.278601, -0.623237, 4.35, 2.675, 1.005, 5e-3, 999999.9999999999,
                0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 1e20};
        for (double d : values) {
            check(d);
            check(-d);
        }
        assertEquals(-1, check(0.0));
        assertEquals(-1, check(1e20));
        assertEquals(8, check(0.278601));
        assertEquals(5, check(100.0));
    }
}
