package dev.floe.dataframe.exec.agg;

import java.io.Serializable;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps group keys to dense group ids 0, 1, 2, ... in order of first appearance. A NULL key is a key
 * like any other: all rows whose key is NULL form one group.
 *
 * <p>The keys are kept on the heap, so a table is a plain serialisable value that can travel between
 * tasks (and, later, machines) without holding Arrow memory.
 */
public interface GroupTable extends Serializable {
    /** How many groups there are. */
    int size();

    /** Looks up (inserting where new) the key of each of the first {@code rows} rows; writes ids. */
    void findOrInsert(FieldVector[] keys, int rows, int[] groupIds);

    /**
     * Inserts every key of {@code other} (a table of the same key types) and returns, for each of
     * {@code other}'s groups, its id in this table.
     */
    int[] mergeFrom(GroupTable other);

    /**
     * As {@link #mergeFrom(GroupTable)}, but only {@code other}'s groups g with {@code include[g]}; the
     * others map to -1.
     */
    int[] mergeFrom(GroupTable other, boolean[] include);

    /** A hash of group {@code group}'s key, equal for equal keys in any table of the same key types. */
    int hash(int group);

    /** Writes the keys of groups 0..size()-1 into {@code out}, one vector per key column. */
    void writeKeys(FieldVector[] out);
}
