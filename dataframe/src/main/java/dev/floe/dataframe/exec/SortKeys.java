package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.ExprEvaluator;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import dev.floe.expressions.eval.Decimals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The sort keys of a batch, evaluated, and the one order every sort uses: per key, NULLs first or last
 * as the key says, otherwise ascending or descending by value; doubles by {@link Double#compare} (so
 * NaN above every number, -0.0 below 0.0), strings by their UTF-8 bytes, unsigned. The key vectors are
 * owned here and valid until the next {@link #evaluate} or {@link #close}.
 *
 * <p>A key value taken out of a batch ({@link #values}) is a {@code Long} (INT64, TIMESTAMP), an
 * {@code Integer} (DATE), a {@code Double}, a {@code Boolean}, a {@code byte[]} (STRING), a
 * {@link DecimalKey} (DECIMAL, its unscaled 128-bit integer; compared in place) or null, and
 * compares with rows and other values in the same order.
 */
final class SortKeys implements AutoCloseable {
    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
    private final List<Sort.Key> keys;
    private final List<ExprEvaluator> evaluators = new ArrayList<>();
    private final FloeType[] types;
    private FieldVector[] vectors;

    SortKeys(List<Sort.Key> keys, Schema schema, BufferAllocator allocator) {
        this.keys = keys;
        this.types = new FloeType[keys.size()];
        try {
            for (int i = 0; i < keys.size(); i++) {
                ExprEvaluator ev = ExprEvaluator.compile(keys.get(i).expr(), schema, allocator);
                evaluators.add(ev);
                types[i] = ev.type();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    void evaluate(VectorSchemaRoot batch) {
        FieldVector[] v = new FieldVector[evaluators.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = evaluators.get(i).evaluate(batch);
        }
        vectors = v;
    }

    /** Compares row {@code a} of this batch with row {@code b} of {@code other}'s batch. */
    int compare(int a, SortKeys other, int b) {
        for (int k = 0; k < types.length; k++) {
            int c = compare(vectors[k], a, other.vectors[k], b, types[k], keys.get(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Compares row {@code row} of this batch with a key taken out by {@link #values}. */
    int compareTo(int row, Object[] value) {
        for (int k = 0; k < types.length; k++) {
            FieldVector v = vectors[k];
            Sort.Key key = keys.get(k);
            boolean na = v.isNull(row);
            boolean nb = value[k] == null;
            int c;
            if (na || nb) {
                c = na && nb ? 0 : na == key.nullsFirst() ? -1 : 1;
            } else {
                c = direction(key, compareValue(v, row, value[k], types[k]));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The key of row {@code row}, taken out of the batch. */
    Object[] values(int row) {
        Object[] out = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            out[k] = value(vectors[k], row, types[k]);
        }
        return out;
    }

    /** The order of keys taken out by {@link #values}. */
    static int compareValues(Object[] a, Object[] b, List<Sort.Key> keys) {
        for (int k = 0; k < keys.size(); k++) {
            Sort.Key key = keys.get(k);
            int c;
            if (a[k] == null || b[k] == null) {
                c = a[k] == null && b[k] == null ? 0 : (a[k] == null) == key.nullsFirst() ? -1 : 1;
            } else {
                c = direction(key, compareObjects(a[k], b[k]));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compare(FieldVector va, int a, FieldVector vb, int b, FloeType type, Sort.Key key) {
        boolean na = va.isNull(a);
        boolean nb = vb.isNull(b);
        if (na || nb) {
            if (na && nb) {
                return 0;
            }
            return na == key.nullsFirst() ? -1 : 1;
        }
        int c = switch (type.kind()) {
            case BOOLEAN -> Integer.compare(((BitVector) va).get(a), ((BitVector) vb).get(b));
            case INT64, TIMESTAMP -> Long.compare(data(va).getLong((long) a * 8), data(vb).getLong((long) b * 8));
            case DATE -> Integer.compare(data(va).getInt((long) a * 4), data(vb).getInt((long) b * 4));
            case FLOAT64 -> Double.compare(data(va).getDouble((long) a * 8), data(vb).getDouble((long) b * 8));
            case STRING -> compareUtf8((VarCharVector) va, a, (VarCharVector) vb, b);
            case DECIMAL -> compareDecimal(data(va), a, data(vb), b);
        };
        return direction(key, c);
    }

    /** Order of two decimals of one scale, read in place. */
    static int compareDecimal(org.apache.arrow.memory.ArrowBuf da, int a, org.apache.arrow.memory.ArrowBuf db, int b) {
        return Decimals.compare(Decimals.high(da, a), Decimals.low(da, a), Decimals.high(db, b), Decimals.low(db, b));
    }

    /** Unsigned byte order of two strings, read in place (no copy), eight bytes at a time. */
    static int compareUtf8(VarCharVector va, int a, VarCharVector vb, int b) {
        org.apache.arrow.memory.ArrowBuf oa = va.getOffsetBuffer();
        org.apache.arrow.memory.ArrowBuf ob = vb.getOffsetBuffer();
        long sa = oa.getInt((long) a * 4);
        long la = oa.getInt((long) a * 4 + 4) - sa;
        long sb = ob.getInt((long) b * 4);
        long lb = ob.getInt((long) b * 4 + 4) - sb;
        org.apache.arrow.memory.ArrowBuf da = va.getDataBuffer();
        org.apache.arrow.memory.ArrowBuf db = vb.getDataBuffer();
        long n = Math.min(la, lb);
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = da.getLong(sa + i);
            long y = db.getLong(sb + i);
            if (x != y) {
                return LITTLE_ENDIAN ? Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y))
                        : Long.compareUnsigned(x, y);
            }
        }
        for (; i < n; i++) {
            int c = Integer.compare(da.getByte(sa + i) & 0xff, db.getByte(sb + i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(la, lb);
    }

    private static int direction(Sort.Key key, int c) {
        return key.ascending() ? c : -c;
    }

    private static org.apache.arrow.memory.ArrowBuf data(FieldVector v) {
        return ((BaseFixedWidthVector) v).getDataBuffer();
    }

    private static Object value(FieldVector v, int row, FloeType type) {
        if (v.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((BitVector) v).get(row) == 1;
            case INT64, TIMESTAMP -> data(v).getLong((long) row * 8);
            case DATE -> data(v).getInt((long) row * 4);
            case FLOAT64 -> data(v).getDouble((long) row * 8);
            case STRING -> ((VarCharVector) v).get(row);
            case DECIMAL -> new DecimalKey(Decimals.high(data(v), row), Decimals.low(data(v), row));
        };
    }

    private static int compareValue(FieldVector v, int row, Object value, FloeType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.compare(((BitVector) v).get(row) == 1, (Boolean) value);
            case INT64, TIMESTAMP -> Long.compare(data(v).getLong((long) row * 8), (Long) value);
            case DATE -> Integer.compare(data(v).getInt((long) row * 4), (Integer) value);
            case FLOAT64 -> Double.compare(data(v).getDouble((long) row * 8), (Double) value);
            case STRING -> Arrays.compareUnsigned(((VarCharVector) v).get(row), (byte[]) value);
            case DECIMAL -> {
                DecimalKey d = (DecimalKey) value;
                yield Decimals.compare(Decimals.high(data(v), row), Decimals.low(data(v), row), d.high(), d.low());
            }
        };
    }

    /**
     * A DECIMAL key taken out of a batch: its unscaled 128-bit integer (one sort key has one scale), so
     * that comparing rows with it reads them in place, with no object per row.
     */
    record DecimalKey(long high, long low) implements Comparable<DecimalKey>, java.io.Serializable {
        @Override
        public int compareTo(DecimalKey o) {
            return Decimals.compare(high, low, o.high, o.low);
        }
    }

    @SuppressWarnings("unchecked")
    private static int compareObjects(Object a, Object b) {
        if (a instanceof byte[] x) {
            return Arrays.compareUnsigned(x, (byte[]) b);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    @Override
    public void close() {
        evaluators.forEach(ExprEvaluator::close);
    }
}
