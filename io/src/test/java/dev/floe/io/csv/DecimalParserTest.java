package dev.floe.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.eval.Decimals;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DecimalParser against BigDecimal's own parse of the same text, at the type's scale exactly, as the oracle. */
class DecimalParserTest {
    /** The oracle: the unscaled value of {@code text} at the type's scale, or null if not a number or digits are lost. */
    private static BigInteger oracle(String text, FloeType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        BigDecimal exact = Decimals.exact(value, type);
        return exact == null ? null : exact.unscaledValue();
    }

    private static BigInteger parse(String text, FloeType type) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        DecimalParser parser = new DecimalParser();
        try {
            parser.parse(b, 0, b.length, type.precision(), type.scale());
        } catch (ParseFailure f) {
            return null;
        }
        return Decimals.toBigInteger(parser.high, parser.low);
    }

    @ParameterizedTest(name = "{0} as DECIMAL({1},{2})")
    @CsvSource(delimiter = ';', value = {
        "12.3;9;2", "12.345;9;2", "1.5000;9;2", "1234567.5;9;2", "12345678;9;2", "-0.05;9;2", "+.5;3;1", "5.;3;0",
        "007.50;4;2", "-0;5;0", "1.5e2;9;2", "1.5E-2;9;2", "1.5e-3;9;2", "0e999999;5;2", "1e99999;38;0",
        "1e-99999;38;37", "0.0000000000000000000000000000000000001;38;37",
        "99999999999999999999999999999999999999;38;0", "-99999999999999999999999999999999999999;38;0",
        "100000000000000000000000000000000000000;38;0", "9999999999999999.99;18;2", "99999999999999999.99;18;2",
        "9223372036854775807;19;0", "9223372036854775808;19;0", "-9223372036854775808;19;0", "18446744073709551616;20;0",
        "-18446744073709551616;20;0", "340282366920938463463374607431768211455;38;0", "1.2345678901234567890123456789;38;28",
        "NaN;9;2", "Infinity;9;2", "abc;9;2", "1.2.3;9;2", "--1;9;2", "1e;9;2", ".;9;2", "+;9;2", "'1 ';9;2", "1,5;9;2",
        "0x10;9;2", "1e5.5;9;2", "e5;9;2"})
    void edgeCasesAgreeWithBigDecimal(String text, int precision, int scale) {
        FloeType type = FloeType.decimal(precision, scale);
        assertEquals(oracle(text, type), parse(text, type), text + " as " + type);
    }

    /** Random values of random types, written plainly, with extra zeros, signs and exponents, and some garbage. */
    @Test
    void randomTextsAgreeWithBigDecimal() {
        Random random = new Random(2024);
        int fits = 0;
        for (int i = 0; i < 200_000; i++) {
            int precision = 1 + random.nextInt(FloeType.MAX_DECIMAL_PRECISION);
            FloeType type = FloeType.decimal(precision, random.nextInt(precision + 1));
            String text = randomText(random, precision + 2);
            BigInteger expected = oracle(text, type);
            assertEquals(expected, parse(text, type), text + " as " + type);
            fits += expected == null ? 0 : 1;
        }
        assertTrue(fits > 50_000 && fits < 150_000, "a fair share of both outcomes: " + fits + " fit");
    }

    static String randomText(Random random, int maxDigits) {
        if (random.nextInt(40) == 0) {
            String[] garbage = {"abc", "1.2.3", "--1", "1e", ".", "-", "NaN", "1e+", "12a", "1_000"};
            return garbage[random.nextInt(garbage.length)];
        }
        StringBuilder digits = new StringBuilder();
        int n = 1 + random.nextInt(maxDigits);
        for (int k = 0; k < n; k++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        String sign = random.nextInt(4) == 0 ? "-" : random.nextInt(10) == 0 ? "+" : "";
        int point = random.nextInt(n + 1);
        String text = digits.substring(0, point) + (point < n || random.nextInt(5) == 0 ? "." + digits.substring(point) : "");
        if (random.nextInt(5) == 0) {
            text += "0".repeat(random.nextInt(6)); // trailing zeros (after a point they change nothing)
        }
        if (random.nextInt(6) == 0) {
            text += (random.nextBoolean() ? "e" : "E") + (random.nextInt(3) == 0 ? "-" : random.nextBoolean() ? "+" : "")
                    + random.nextInt(45);
        }
        return sign + text;
    }

    @Test
    void plainShapeCountsIntegerAndFractionDigits() {
        String[] texts = {"0.25", "-12.50", "+007", "5.", ".5", "123", "1e5", "NaN", ".", "-", "1.2.3"};
        long[] shapes = {2, 2L << 32 | 2, 1L << 32, 1L << 32, 1, 3L << 32, -1, -1, -1, -1, -1};
        for (int i = 0; i < texts.length; i++) {
            byte[] b = texts[i].getBytes(StandardCharsets.US_ASCII);
            assertEquals(shapes[i], DecimalParser.plainShape(b, 0, b.length), texts[i]);
        }
    }

    /** The long path (precision 18 or less) and the two-word path make no object per value. */
    @Test
    void parsingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        byte[][] texts = {"12345.6789".getBytes(StandardCharsets.US_ASCII), "-0.5".getBytes(StandardCharsets.US_ASCII),
            "1234567890123456789012345.123456789012".getBytes(StandardCharsets.US_ASCII)};
        DecimalParser parser = new DecimalParser();
        long sum = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 300_000; i++) {
            byte[] t = texts[i % 3];
            parser.parse(t, 0, t.length, i % 3 == 2 ? 38 : 18, i % 3 == 2 ? 12 : 4);
            sum += parser.low;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 64 << 10, allocated + " bytes allocated for 300,000 values (sum " + sum + ")");
    }
}
