package dev.floe.dataframe.exec.agg;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * The group table of a whole-frame reduction: one group, always present, so that aggregating no rows
 * still gives one row (count 0, sum NULL), as SQL does.
 */
public final class NoKeyGroupTable implements GroupTable {
    @Override
    public int size() {
        return 1;
    }

    @Override
    public void findOrInsert(FieldVector[] keys, int rows, int[] groupIds) {
        Arrays.fill(groupIds, 0, rows, 0);
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        return new int[] {0};
    }

    @Override
    public int[] mergeFrom(GroupTable other, boolean[] include) {
        return new int[] {include == null || include[0] ? 0 : -1};
    }

    @Override
    public int hash(int group) {
        return 0;
    }

    @Override
    public void writeKeys(FieldVector[] out) {
        // no key columns
    }
}
