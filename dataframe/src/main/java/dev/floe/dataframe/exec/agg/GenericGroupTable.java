package dev.floe.dataframe.exec.agg;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Values;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The general group table: any number of keys of any types, each key row held as a list of Java values
 * ({@link Values#get} form). Slower than {@link LongGroupTable} — it allocates per row — but it handles
 * every combination; NaN keys group together (Double.equals), NULL keys group together.
 */
public final class GenericGroupTable implements GroupTable {
    private final FloeType[] types;
    private final Object2IntOpenHashMap<List<Object>> ids = new Object2IntOpenHashMap<>();
    private final ArrayList<List<Object>> keys = new ArrayList<>();

    public GenericGroupTable(FloeType[] types) {
        this.types = types.clone();
        ids.defaultReturnValue(-1);
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public void findOrInsert(FieldVector[] keyVectors, int rows, int[] groupIds) {
        for (int i = 0; i < rows; i++) {
            Object[] key = new Object[keyVectors.length];
            for (int k = 0; k < keyVectors.length; k++) {
                key[k] = Values.get(keyVectors[k], i);
            }
            groupIds[i] = find(Arrays.asList(key));
        }
    }

    private int find(List<Object> key) {
        int id = ids.getInt(key);
        if (id < 0) {
            id = keys.size();
            keys.add(key);
            ids.put(key, id);
        }
        return id;
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        return mergeFrom(other, null);
    }

    @Override
    public int[] mergeFrom(GroupTable other, boolean[] include) {
        GenericGroupTable o = (GenericGroupTable) other;
        int[] mapping = new int[o.size()];
        for (int g = 0; g < mapping.length; g++) {
            mapping[g] = include != null && !include[g] ? -1 : find(o.keys.get(g));
        }
        return mapping;
    }

    @Override
    public int hash(int group) {
        return it.unimi.dsi.fastutil.HashCommon.mix(keys.get(group).hashCode());
    }

    @Override
    public void writeKeys(FieldVector[] out) {
        for (int k = 0; k < out.length; k++) {
            FieldVector v = out[k];
            v.setInitialCapacity(Math.max(1, keys.size()));
            v.allocateNew();
            for (int g = 0; g < keys.size(); g++) {
                ValueWriter.write(v, types[k], g, keys.get(g).get(k));
            }
            v.setValueCount(keys.size());
        }
    }
}
