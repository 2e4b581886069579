package dev.floe.expressions.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Int128} against BigInteger: products by powers of ten, sums and negations, at the 128-bit edges. */
class Int128Test {
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private static List<BigInteger> values(Random random) {
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), MIN, MAX,
                BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).negate(), BigInteger.TEN.pow(38).negate()));
        for (int k = 0; k < 3000; k++) {
            BigInteger v = new BigInteger(1 + random.nextInt(127), random);
            out.add(random.nextBoolean() ? v : v.negate());
        }
        return out;
    }

    private static boolean fits(BigInteger v) {
        return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
    }

    private static BigInteger of(Int128 x) {
        return Decimals.toBigInteger(x.high, x.low);
    }

    @Test
    void agreesWithBigInteger() {
        Random random = new Random(11);
        List<BigInteger> values = values(random);
        Int128 r = new Int128();
        for (int i = 0; i < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get(random.nextInt(values.size()));
            long ah = a.shiftRight(64).longValue();
            long al = a.longValue();
            long bh = b.shiftRight(64).longValue();
            long bl = b.longValue();
            int k = random.nextInt(19);
            BigInteger product = a.multiply(BigInteger.TEN.pow(k));
            assertEquals(fits(product), r.setProduct(ah, al, Decimals.longPowerOfTen(k)), a + " * 10^" + k);
            if (fits(product)) {
                assertEquals(product, of(r), a + " * 10^" + k);
            }
            BigInteger sum = a.add(b);
            assertEquals(fits(sum), r.setSum(ah, al, bh, bl), a + " + " + b);
            if (fits(sum)) {
                assertEquals(sum, of(r), a + " + " + b);
            }
            assertEquals(fits(a.negate()), r.setNegation(ah, al), "-" + a);
            if (fits(a.negate())) {
                assertEquals(a.negate(), of(r), "-" + a);
            }
        }
    }
}
