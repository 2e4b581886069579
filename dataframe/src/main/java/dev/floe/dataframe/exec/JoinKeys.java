package dev.floe.dataframe.exec;

import dev.floe.expressions.Values;
import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Reading join keys out of evaluated key vectors. A row whose key has a NULL part has no key: SQL joins
 * never match NULLs. The long form covers one BIGINT/TIMESTAMP/DATE/BOOLEAN key, or a DECIMAL of at most 18 digits (its
 * unscaled long), without allocating; the
 * general form is a list of Java values.
 */
final class JoinKeys {
    private JoinKeys() {
    }

    static boolean isNull(FieldVector[] keys, int row) {
        for (FieldVector k : keys) {
            if (k.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    static long longKey(FieldVector key, int row) {
        if (key instanceof BitVector b) {
            return b.get(row);
        }
        if (key instanceof DateDayVector d) {
            return d.getDataBuffer().getInt((long) row * 4);
        }
        if (key instanceof DecimalVector d) {
            return dev.floe.dataframe.exec.agg.LongGroupTable.decimalKey(d.getDataBuffer(), row);
        }
        return ((BaseFixedWidthVector) key).getDataBuffer().getLong((long) row * 8);
    }

    static List<Object> objectKey(FieldVector[] keys, int row) {
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = Values.get(keys[i], row);
        }
        return Arrays.asList(values);
    }

    /**
     * The bucket of a key whose {@link #hash} is {@code hash}: re-mixed first, because the hash tables
     * that later hold one bucket's keys place them by the low bits of that same hash — buckets cut by
     * those bits would fill only every {@code buckets}-th slot of each table and degrade its probing to
     * linear scans (a 2-million-row shuffle join took minutes instead of seconds).
     */
    static int bucketOf(int hash, int buckets) {
        return Math.floorMod(HashCommon.murmurHash3(hash ^ 0x7f4a7c15), buckets);
    }

    /** The hash both sides of a shuffle use to pick a row's bucket (through {@link #bucketOf}). */
    static int hash(FieldVector[] keys, int row, boolean singleLong) {
        return singleLong ? (int) HashCommon.mix(longKey(keys[0], row)) : HashCommon.mix(objectKey(keys, row).hashCode());
    }
}
