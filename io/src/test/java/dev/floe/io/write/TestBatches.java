package dev.floe.io.write;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Rows of plain Java values (as {@link Values#get} returns them) to and from Arrow batches, and random tables. */
final class TestBatches {
    static final Schema ALL_TYPES = Schema.of(new Field("id", FloeType.INT64), new Field("name", FloeType.STRING),
            new Field("value", FloeType.FLOAT64), new Field("when", FloeType.TIMESTAMP),
            new Field("day", FloeType.DATE), new Field("flag", FloeType.BOOLEAN));

    /** Decimals of the long path (precision 18 or less) and of the two-word path, down to DECIMAL(3,3) and up to 38. */
    static final Schema DECIMALS = Schema.of(new Field("id", FloeType.INT64), new Field("price", FloeType.decimal(18, 4)),
            new Field("tiny", FloeType.decimal(3, 3)), new Field("whole", FloeType.decimal(38, 0)),
            new Field("wide", FloeType.decimal(38, 12)));

    private static final String[] TRICKY = {"", "plain", "with, comma", "with \"quotes\"", "\"", "\"\"", "line\nbreak",
            "cr\rlf\r\n", "naïve café", "日本語テキスト", "emoji 😀", " leading and trailing ", "NULL", "null", "a,b,\"c\"\n,",
            "tab\there", "#not a comment"};

    private TestBatches() {
    }

    static VectorSchemaRoot batch(Schema schema, List<List<Object>> rows, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema.toArrow(), allocator);
        root.allocateNew();
        for (int c = 0; c < schema.size(); c++) {
            FieldVector v = root.getVector(c);
            for (int r = 0; r < rows.size(); r++) {
                Object x = rows.get(r).get(c);
                if (x == null) {
                    v.setNull(r);
                } else if (v instanceof BigIntVector b) {
                    b.setSafe(r, (Long) x);
                } else if (v instanceof Float8Vector f) {
                    f.setSafe(r, (Double) x);
                } else if (v instanceof VarCharVector s) {
                    s.setSafe(r, ((String) x).getBytes(StandardCharsets.UTF_8));
                } else if (v instanceof TimeStampMicroVector t) {
                    t.setSafe(r, (Long) x);
                } else if (v instanceof DateDayVector d) {
                    d.setSafe(r, (Integer) x);
                } else if (v instanceof BitVector b) {
                    b.setSafe(r, (Boolean) x ? 1 : 0);
                } else if (v instanceof DecimalVector d) {
                    d.setSafe(r, (BigDecimal) x);
                }
            }
            v.setValueCount(rows.size());
        }
        root.setRowCount(rows.size());
        return root;
    }

    static List<List<Object>> rows(VectorSchemaRoot root) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < root.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector v : root.getFieldVectors()) {
                row.add(Values.get(v, r));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Random rows of {@link #ALL_TYPES}, every column with NULLs; strings that need quoting, unicode. */
    static List<List<Object>> randomRows(int n, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            row.add(nullOr(random, switch (random.nextInt(4)) {
                case 0 -> random.nextLong();
                case 1 -> (long) random.nextInt(1000) - 500;
                case 2 -> i == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                default -> (long) i;
            }));
            row.add(nullOr(random, random.nextInt(3) == 0 ? randomText(random)
                    : TRICKY[random.nextInt(TRICKY.length)]));
            row.add(nullOr(random, randomDouble(random)));
            // 1900 .. 2100, with and without fractions of a second
            long micros = (long) ((random.nextDouble() * 200 - 70) * 365.25 * 86_400) * 1_000_000L;
            row.add(nullOr(random, switch (random.nextInt(3)) {
                case 0 -> micros;
                case 1 -> micros + random.nextInt(1_000_000);
                default -> micros / 1_000_000 * 1_000_000 + 500_000;
            }));
            row.add(nullOr(random, random.nextInt(73_000) - 25_000));
            row.add(nullOr(random, random.nextBoolean()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Random rows of {@link #DECIMALS} (BigDecimals at each type's scale, with NULLs): any number of digits up
     * to the precision, and the edges: the largest and smallest value of each type, 0, +-1 unit, and unscaled
     * values at a long's limits.
     */
    static List<List<Object>> randomDecimalRows(int n, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            row.add((long) i);
            for (int c = 1; c < DECIMALS.size(); c++) {
                FloeType type = DECIMALS.field(c).type();
                java.math.BigInteger max = java.math.BigInteger.TEN.pow(type.precision()).subtract(java.math.BigInteger.ONE);
                java.math.BigInteger unscaled = switch (random.nextInt(8)) {
                    case 0 -> max;
                    case 1 -> max.negate();
                    case 2 -> java.math.BigInteger.valueOf(random.nextInt(3) - 1);
                    case 3 -> java.math.BigInteger.valueOf(random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE)
                            .mod(max.add(java.math.BigInteger.ONE));
                    default -> new java.math.BigInteger(128, random).mod(java.math.BigInteger.TEN.pow(1
                            + random.nextInt(type.precision()))).multiply(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
                };
                if (i == 0 && type.precision() == 38) {
                    unscaled = java.math.BigInteger.valueOf(Long.MIN_VALUE); // fits a long, but has no positive twin
                }
                row.add(nullOr(random, new BigDecimal(unscaled, type.scale())));
            }
            rows.add(row);
        }
        return rows;
    }

    static double randomDouble(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextInt(100_000) / 100.0;
            case 1 -> random.nextDouble();
            case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            case 4 -> (double) (random.nextInt(2_000_000) - 1_000_000);
            case 5 -> -random.nextInt(1_000_000) / 1_000_000.0;
            default -> random.nextInt(1000) * 1e-4;
        };
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        String alphabet = "ab,\"\n\r xyzé€😀";
        for (int i = 0; i < n; i++) {
            int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0,
                    alphabet.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static Object nullOr(Random random, Object value) {
        return random.nextInt(8) == 0 ? null : value;
    }
}
