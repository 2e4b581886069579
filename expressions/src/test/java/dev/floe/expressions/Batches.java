package dev.floe.expressions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Test batches: columns as Java arrays (the oracle's view) and the same data as Arrow vectors. */
final class Batches {
    static final Schema ALL_TYPES = Schema.of(
            new Field("b1", FloeType.BOOLEAN), new Field("b2", FloeType.BOOLEAN),
            new Field("i1", FloeType.INT64), new Field("i2", FloeType.INT64),
            new Field("f1", FloeType.FLOAT64), new Field("f2", FloeType.FLOAT64),
            new Field("s1", FloeType.STRING), new Field("s2", FloeType.STRING),
            new Field("t1", FloeType.TIMESTAMP), new Field("t2", FloeType.TIMESTAMP),
            new Field("d1", FloeType.DATE), new Field("d2", FloeType.DATE));

    static final int[] SIZES = {0, 1, 7, 8, 9, 63, 64, 65, 1000};

    private static final String[] WORDS = {"", "a", "ab", "abc", "b", "Alice", "alice", "é", "e\u0301", "日本",
        "\uD83D\uDE00", "abcdefgh", "abcdefghi", "abcdefgh\u00ff", "abcdefgg", "zzzzzzzzzzzzzzzz",
        " padded  ", "\u00a0\u3000nbsp\u2003", "\ttab\n", "A_b%c", "ABC abc", "Straße", "ÉCOLE", "a\\%b", "abab", "b  b"};

    private Batches() {
    }

    /** Random columns for {@code schema}; roughly {@code nullRate} of each column's values are null. */
    static Map<String, Object[]> random(Schema schema, int rows, double nullRate, Random random) {
        Map<String, Object[]> columns = new LinkedHashMap<>();
        for (Field f : schema.fields()) {
            Object[] values = new Object[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextDouble() < nullRate ? null : value(f.type(), random);
            }
            columns.put(f.name(), values);
        }
        return columns;
    }

    /** A random value in {@link Values#get} form; small pools make equal pairs common. */
    static Object value(FloeType type, Random random) {
        boolean pool = random.nextBoolean();
        return switch (type.kind()) {
            case BOOLEAN -> random.nextBoolean();
            case INT64 -> pool ? (long) random.nextInt(11) - 5 : (long) random.nextInt();   // products fit in 64 bits
            case FLOAT64 -> {
                double[] special = {0.0, -0.0, 1.5, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1};
                yield pool ? special[random.nextInt(special.length)] : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
            }
            case STRING -> pool ? WORDS[random.nextInt(WORDS.length)] : randomString(random);
            case TIMESTAMP -> pool ? 1_700_000_000_000_000L + random.nextInt(3) * 3_600_000_000L
                    : (long) ((random.nextDouble() - 0.5) * 2e17);
            case DATE -> pool ? 19_000 + random.nextInt(3) : random.nextInt(2_000_000) - 1_000_000;
            case DECIMAL -> java.math.BigDecimal.valueOf(pool ? random.nextInt(11) - 5 : random.nextLong()
                    % java.math.BigInteger.TEN.pow(Math.min(type.precision(), 18)).longValueExact(), type.scale());
        };
    }

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(20);
        for (int k = 0; k < length; k++) {
            int kind = random.nextInt(10);
            sb.appendCodePoint(kind < 7 ? 'a' + random.nextInt(4) : kind < 9 ? 0xe0 + random.nextInt(40) : 0x1F600 + random.nextInt(20));
        }
        return sb.toString();
    }

    /** The Arrow batch holding {@code columns} (names and types from {@code schema}). */
    static VectorSchemaRoot root(Schema schema, Map<String, Object[]> columns, int rows, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>();
        for (Field f : schema.fields()) {
            Object[] values = columns.get(f.name());
            if (values != null) {
                vectors.add(vector(f, values, rows, allocator));
            }
        }
        VectorSchemaRoot root = new VectorSchemaRoot(vectors);
        root.setRowCount(rows);
        return root;
    }

    static FieldVector vector(Field f, Object[] values, int rows, BufferAllocator allocator) {
        FieldVector v = f.toArrow().createVector(allocator);
        v.allocateNew();
        for (int i = 0; i < rows; i++) {
            Object x = values[i];
            if (x == null) {
                setNullOverGarbage(v, i);
            } else if (v instanceof BitVector b) {
                b.setSafe(i, (Boolean) x ? 1 : 0);
            } else if (v instanceof BigIntVector b) {
                b.setSafe(i, (Long) x);
            } else if (v instanceof Float8Vector d) {
                d.setSafe(i, (Double) x);
            } else if (v instanceof VarCharVector s) {
                s.setSafe(i, ((String) x).getBytes(StandardCharsets.UTF_8));
            } else if (v instanceof TimeStampMicroVector t) {
                t.setSafe(i, (Long) x);
            } else if (v instanceof DateDayVector d) {
                d.setSafe(i, (Integer) x);
            } else if (v instanceof DecimalVector d) {
                d.setSafe(i, (java.math.BigDecimal) x);
            }
        }
        v.setValueCount(rows);
        return v;
    }

    /** A NULL with hostile bits under it, which no kernel may trip over (overflow, NaN, out of range). */
    private static void setNullOverGarbage(FieldVector v, int i) {
        if (v instanceof VarCharVector s) {
            s.setNull(i);
        } else if (v instanceof BigIntVector b) {
            b.setSafe(i, 0, 0x7fff_ffff_ffff_ffffL);   // garbage under the NULL: must not overflow anything
        } else if (v instanceof Float8Vector d) {
            d.setSafe(i, 0, Double.NaN);
        } else if (v instanceof TimeStampMicroVector t) {
            t.setSafe(i, 0, Long.MIN_VALUE);
        } else if (v instanceof DateDayVector d) {
            d.setSafe(i, 0, Integer.MAX_VALUE);
        } else if (v instanceof BitVector b) {
            b.setSafe(i, 0, 1);
        } else if (v instanceof DecimalVector d) {
            d.setSafe(i, java.math.BigDecimal.ZERO.setScale(d.getScale()));
            d.getDataBuffer().setLong(i * 16L, -1L);                      // garbage beyond any precision
            d.getDataBuffer().setLong(i * 16L + 8, 0x7fff_ffff_ffff_ffffL);
            d.setNull(i);
        }
    }
}
