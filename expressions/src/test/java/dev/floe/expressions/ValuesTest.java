package dev.floe.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void formatsDoublesShortestInJavaLayout() {
        String[][] cases = {
            {"0.1", "0.1"}, {"1.0", "1.0"}, {"-1.0", "-1.0"}, {"100.0", "100.0"}, {"1.0E-7", "1e-7"},
            {"1.0E20", "1e20"}, {"1.0E7", "1e7"}, {"9999999.0", "9999999"}, {"0.001", "0.001"}, {"1.0E-4", "0.0001"},
            {"0.30000000000000004", "0.30000000000000004"}, {"2.0E23", "2e23"}, {"1.0E23", "1e23"},
            {"2.82879384806159E17", "2.82879384806159E17"}, {"4.9E-324", "4.9E-324"},
            {"1.7976931348623157E308", "1.7976931348623157E308"}, {"123.456", "123.456"}, {"-0.0", "-0.0"},
            {"0.0", "0"}, {"NaN", "NaN"}, {"Infinity", "Infinity"}, {"-Infinity", "-Infinity"}};
        for (String[] c : cases) {
            double d = Double.parseDouble(c[1]);
            assertEquals(c[0], Values.shortest(d), c[1]);
            assertEquals(c[0], Values.formatDouble(d), c[1]);
        }
    }

    @Test
    void shortestRoundTripsAndNoShorterDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = Values.shortest(d);
            assertEquals(d, Double.parseDouble(s), s);
            BigDecimal text = new BigDecimal(s);
            int digits = Math.max(2, text.stripTrailingZeros().precision());
            if (digits > 2) {
                BigDecimal shorter = new BigDecimal(d).round(new java.math.MathContext(digits - 1));
                assertTrue(shorter.doubleValue() != d, s + " has a shorter form " + shorter);
            }
        }
    }

    @Test
    void formatsEveryType() {
        assertEquals("true", Values.format(FloeType.BOOLEAN, true));
        assertEquals("-3", Values.format(FloeType.INT64, -3L));
        assertEquals("0.5", Values.format(FloeType.FLOAT64, 0.5));
        assertEquals("héllo", Values.format(FloeType.STRING, "héllo"));
        assertEquals("2023-11-14 22:13:20", Values.format(FloeType.TIMESTAMP, 1_700_000_000_000_000L));
        assertEquals("1969-12-31", Values.format(FloeType.DATE, -1));
        assertNull(Values.format(FloeType.DATE, null));
    }
}
