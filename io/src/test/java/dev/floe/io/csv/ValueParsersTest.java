package dev.floe.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueParsersTest {
    private static double parseDouble(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return ValueParsers.parseDouble(b, 2, 2 + s.length());
    }

    private static long parseLong(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return ValueParsers.parseLong(b, 2, 2 + s.length());
    }

    private static void assertSameDouble(String text) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(parseDouble(text)), text);
    }

    @Test
    void doublesMatchDoubleParseDoubleBitForBit() {
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            String text;
            switch (i % 6) {
                case 0: text = String.format("%.6f", random.nextDouble() * 2 - 1); break;
                case 1: text = String.format("%." + random.nextInt(12) + "f", random.nextGaussian() * 1e6); break;
                case 2: text = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)); break;
                case 3: text = Long.toString(random.nextLong() >>> random.nextInt(64)); break;
                case 4: text = randomDigits(random, 1 + random.nextInt(25)) + "." + randomDigits(random, random.nextInt(25)); break;
                default: text = "-" + "0".repeat(random.nextInt(3)) + "." + randomDigits(random, 1 + random.nextInt(23)); break;
            }
            assertSameDouble(text);
        }
        for (String text : new String[] {"0", "-0", "-0.0", "+1.5", "1.", ".5", "1e10", "1E-5", "-2.5e+3", "123456789012345678901234",
                "9007199254740993", "0.1", "0.30000000000000004", "4.9e-324", "1.7976931348623157e308", "1e400"}) {
            assertSameDouble(text);
        }
        assertEquals(Double.NaN, parseDouble("NaN"));
        assertEquals(Double.NEGATIVE_INFINITY, parseDouble("-inf"));
        for (String bad : new String[] {"abc", "1.2.3", "1e", "-", ".", "1d", "0x10", " 1", "1 ", "1,5", "e5"}) {
            assertThrows(ParseFailure.class, () -> parseDouble(bad), bad);
        }
    }

    private static String randomDigits(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    @Test
    void longsDetectOverflow() {
        assertEquals(Long.MAX_VALUE, parseLong("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, parseLong("-9223372036854775808"));
        assertEquals(-42, parseLong("-42"));
        assertEquals(42, parseLong("+0042"));
        assertEquals(123456789012345678L, parseLong("123456789012345678"));
        for (String bad : new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999", "1.0", "-", "+", "1a", "١"}) {
            assertThrows(ParseFailure.class, () -> parseLong(bad), bad);
        }
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertEquals(v, parseLong(Long.toString(v)));
        }
    }

    @Test
    void classify() {
        assertEquals(ValueParsers.CAN_INT64 | ValueParsers.CAN_FLOAT64, classify("-12"));
        assertEquals(ValueParsers.CAN_FLOAT64, classify("1.5e3"));
        assertEquals(0, classify("08123"));
        assertEquals(0, classify("99999999999999999999"));
        assertEquals(ValueParsers.CAN_TIMESTAMP, classify("2020-01-01 10:00:00.5"));
        assertEquals(ValueParsers.CAN_DATE | ValueParsers.CAN_TIMESTAMP, classify("2020-01-01")); // date -> timestamp
        assertEquals(ValueParsers.CAN_TIMESTAMP, classify("2020-01-01T10:00:00+02:00"));
        assertEquals(ValueParsers.CAN_BOOLEAN, classify("False"));
        assertEquals(0, classify("2020-02-30"));
        assertEquals(0, classify("Nan Goldin"));
    }

    private static int classify(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ValueParsers.classify(b, 0, b.length, ValueParsers.ALL_CANDIDATES);
    }
}
