package dev.floe.dataframe.exec.agg;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The partial result of an aggregation over some rows: a group table and one accumulator per
 * aggregate, all on the heap. This is what a {@code chunk} task returns, what {@code combine} tasks
 * merge, and what {@code finalize} turns into a batch.
 *
 * <pre>
 *   groups:        key row  ─► group id (0, 1, 2, ... in order of first appearance)
 *   accumulators:  [aggregate i] state arrays indexed by group id
 * </pre>
 */
public final class AggregateState implements Serializable {
    private final AggregateLayout layout;
    private final GroupTable groups;
    private final Accumulator[] accumulators;
    private long rows;

    public AggregateState(AggregateLayout layout) {
        this.layout = requireNonNull(layout, "layout is null");
        this.groups = layout.newGroupTable();
        this.accumulators = new Accumulator[layout.functions().size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = layout.newAccumulator(i);
            int owner = layout.sharedWith(i);
            if (owner >= 0 && accumulators[owner] instanceof QuantileAccumulator o
                    && accumulators[i] instanceof QuantileAccumulator mine && o.sameInputKind(mine)) {
                accumulators[i] = o.reading(((QuantileAggregation) layout.customs().get(i)).q());
            }
        }
        resize();
    }

    /** Adds rows 0..rows-1 of the evaluated keys and aggregate inputs (null input for count(*)). */
    public void update(FieldVector[] keys, FieldVector[] inputs, int rowCount, int[] groupIds) {
        groups.findOrInsert(keys, rowCount, groupIds);
        resize();
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i].update(groupIds, rowCount, inputs[i]);
        }
        rows += rowCount;
    }

    /** Folds {@code other} (of the same layout) into this state; {@code other} must not be used after. */
    public void merge(AggregateState other) {
        merge(other, null);
    }

    private void merge(AggregateState other, boolean[] include) {
        int[] mapping = groups.mergeFrom(other.groups, include);
        resize();
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i].merge(other.accumulators[i], mapping);
        }
        rows += include == null ? other.rows : 0;
    }

    public AggregateLayout layout() {
        return layout;
    }

    /**
     * This state's groups spread over {@code buckets} new states by key hash, so that equal keys from
     * any state land in the same bucket and buckets can be merged independently. This state must not be
     * used after.
     */
    public AggregateState[] split(int buckets) {
        int n = groups.size();
        int[] bucketOf = new int[n];
        for (int g = 0; g < n; g++) {
            // re-mixed: the group tables of a bucket place keys by the low bits of this same hash, and
            // buckets cut by those bits fill every buckets-th slot only (probing degrades to scans)
            bucketOf[g] = Math.floorMod(it.unimi.dsi.fastutil.HashCommon.murmurHash3(groups.hash(g) ^ 0x7f4a7c15), buckets);
        }
        AggregateState[] out = new AggregateState[buckets];
        for (int b = 0; b < buckets; b++) {
            boolean[] include = new boolean[n];
            for (int g = 0; g < n; g++) {
                include[g] = bucketOf[g] == b;
            }
            out[b] = new AggregateState(layout);
            out[b].merge(this, include);
        }
        out[0].rows += rows;
        return out;
    }

    private void resize() {
        int n = groups.size();
        for (Accumulator a : accumulators) {
            a.resize(n);
        }
    }

    public int groupCount() {
        return groups.size();
    }

    /** Rows folded into this state so far. */
    public long rows() {
        return rows;
    }

    /** The result: one row per group, key columns then aggregates, as a new batch the caller owns. */
    public VectorSchemaRoot toBatch(org.apache.arrow.vector.types.pojo.Schema schema, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try {
            List<FieldVector> vectors = root.getFieldVectors();
            int keyCount = vectors.size() - accumulators.length;
            groups.writeKeys(vectors.subList(0, keyCount).toArray(new FieldVector[0]));
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i].evaluate(vectors.get(keyCount + i), groups.size());
            }
            root.setRowCount(groups.size());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }
}
