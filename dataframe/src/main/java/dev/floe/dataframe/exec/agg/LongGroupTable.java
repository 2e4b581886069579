package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.eval.Decimals;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/**
 * The group table for one key stored as a primitive (BIGINT, TIMESTAMP, DATE, BOOLEAN, or DECIMAL of at
 * most 18 digits, keyed by its unscaled long): the hot path of
 * grouping by {@code hour(timestamp)}. Keys in [{@value #DIRECT_MIN}, {@value #DIRECT_MAX}) are looked
 * up in a plain array (no hashing); others in an open-addressing hash map of primitive longs.
 */
public final class LongGroupTable implements GroupTable {
    static final int DIRECT_MIN = -1024;
    static final int DIRECT_MAX = 1024;

    private final Kind kind;
    private final int[] direct = new int[DIRECT_MAX - DIRECT_MIN];
    private final Long2IntOpenHashMap hashed = new Long2IntOpenHashMap();
    private long[] keys = new long[16];
    private int nullGroup = -1;
    private int size;

    /** How the key is stored in its Arrow vector. */
    public enum Kind { INT64, TIMESTAMP, DATE, BOOLEAN, DECIMAL }

    public LongGroupTable(Kind kind) {
        this.kind = kind;
        Arrays.fill(direct, -1);
        hashed.defaultReturnValue(-1);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void findOrInsert(FieldVector[] keyVectors, int rows, int[] groupIds) {
        FieldVector v = keyVectors[0];
        boolean noNulls = v.getNullCount() == 0;
        if (kind == Kind.BOOLEAN) {
            BitVector bits = (BitVector) v;
            for (int i = 0; i < rows; i++) {
                groupIds[i] = !noNulls && bits.isNull(i) ? nullGroup() : find(bits.get(i));
            }
            return;
        }
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) v;
        org.apache.arrow.memory.ArrowBuf data = fixed.getDataBuffer();
        if (kind == Kind.DECIMAL) {
            for (int i = 0; i < rows; i++) {
                groupIds[i] = !noNulls && fixed.isNull(i) ? nullGroup() : find(decimalKey(data, i));
            }
            return;
        }
        if (kind == Kind.DATE) {
            for (int i = 0; i < rows; i++) {
                groupIds[i] = !noNulls && fixed.isNull(i) ? nullGroup() : find(data.getInt((long) i * 4));
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            groupIds[i] = !noNulls && fixed.isNull(i) ? nullGroup() : find(data.getLong((long) i * 8));
        }
    }

    /** The unscaled long of row {@code i} of a DECIMAL of 18 digits or fewer. */
    public static long decimalKey(org.apache.arrow.memory.ArrowBuf data, int i) {
        long low = Decimals.low(data, i);
        if (!Decimals.fitsLong(Decimals.high(data, i), low)) {
            throw new IllegalStateException("row " + i + " of a DECIMAL of at most " + Decimals.MAX_LONG_PRECISION
                    + " digits holds " + Decimals.get(data, i, 0) + " (unscaled), which has more digits");
        }
        return low;
    }

    private int find(long key) {
        if (key >= DIRECT_MIN && key < DIRECT_MAX) {
            int slot = (int) key - DIRECT_MIN;
            int id = direct[slot];
            if (id < 0) {
                id = add(key);
                direct[slot] = id;
            }
            return id;
        }
        int id = hashed.get(key);
        if (id < 0) {
            id = add(key);
            hashed.put(key, id);
        }
        return id;
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = add(0);
        }
        return nullGroup;
    }

    private int add(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        return size++;
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        return mergeFrom(other, null);
    }

    @Override
    public int[] mergeFrom(GroupTable other, boolean[] include) {
        LongGroupTable o = (LongGroupTable) other;
        int[] mapping = new int[o.size];
        for (int g = 0; g < o.size; g++) {
            if (include != null && !include[g]) {
                mapping[g] = -1;
            } else {
                mapping[g] = g == o.nullGroup ? nullGroup() : find(o.keys[g]);
            }
        }
        return mapping;
    }

    @Override
    public int hash(int group) {
        return group == nullGroup ? 0 : (int) it.unimi.dsi.fastutil.HashCommon.mix(keys[group]);
    }

    @Override
    public void writeKeys(FieldVector[] out) {
        FieldVector v = out[0];
        v.setInitialCapacity(Math.max(1, size));
        v.allocateNew();
        for (int g = 0; g < size; g++) {
            if (g == nullGroup) {
                v.setNull(g);
                continue;
            }
            switch (kind) {
                case INT64 -> ((BigIntVector) v).set(g, keys[g]);
                case TIMESTAMP -> ((TimeStampMicroVector) v).set(g, keys[g]);
                case DATE -> ((DateDayVector) v).set(g, (int) keys[g]);
                case BOOLEAN -> ((BitVector) v).set(g, (int) keys[g]);
                case DECIMAL -> ((DecimalVector) v).set(g, keys[g]);
            }
        }
        v.setValueCount(size);
    }
}
