package dev.floe.dataframe.exec;

import dev.floe.expressions.ExprEvaluator;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The build side of a hash join: all of its rows in one batch, and an index from key to rows.
 *
 * <pre>
 *   heads: key ─► first row with that key        next[row] ─► the next row with the same key, or -1
 * </pre>
 *
 * Owns its batch (from the allocator it was built with) until closed.
 */
final class JoinBuild implements AutoCloseable {
    private final VectorSchemaRoot rows;
    private final boolean singleLong;
    private final Long2IntOpenHashMap longHeads = new Long2IntOpenHashMap();
    private final Object2IntOpenHashMap<List<Object>> objectHeads = new Object2IntOpenHashMap<>();
    private final int[] next;

    private JoinBuild(VectorSchemaRoot rows, boolean singleLong, FieldVector[] keys) {
        this.rows = rows;
        this.singleLong = singleLong;
        longHeads.defaultReturnValue(-1);
        objectHeads.defaultReturnValue(-1);
        int n = rows.getRowCount();
        next = new int[n];
        Arrays.fill(next, -1);
        // Insert backwards so that each chain lists rows in their original order.
        for (int r = n - 1; r >= 0; r--) {
            if (JoinKeys.isNull(keys, r)) {
                continue;
            }
            if (singleLong) {
                next[r] = longHeads.put(JoinKeys.longKey(keys[0], r), r);
            } else {
                next[r] = objectHeads.put(JoinKeys.objectKey(keys, r), r);
            }
        }
    }

    static JoinBuild build(List<VectorSchemaRoot> batches, JoinSpec spec, BufferAllocator allocator) {
        return build(PartitionRunner.listSource(batches), spec, allocator);
    }

    /** Builds from every batch of {@code rows} (which the caller closes). */
    static JoinBuild build(BatchSource rows, JoinSpec spec, BufferAllocator allocator) {
        VectorSchemaRoot all = VectorSchemaRoot.create(spec.right().toArrow(), allocator);
        List<ExprEvaluator> evaluators = new ArrayList<>();
        try {
            all.allocateNew();
            while (rows.next()) {
                Vectors.append(rows.batch(), all);
            }
            FieldVector[] keys = new FieldVector[spec.rightKeys().size()];
            for (int i = 0; i < keys.length; i++) {
                ExprEvaluator ev = ExprEvaluator.compile(spec.rightKeys().get(i), spec.right(), allocator);
                evaluators.add(ev);
                keys[i] = ev.evaluate(all);
            }
            return new JoinBuild(all, spec.singleLongKey(), keys);
        } catch (RuntimeException e) {
            all.close();
            throw e;
        } finally {
            evaluators.forEach(ExprEvaluator::close);
        }
    }

    VectorSchemaRoot rows() {
        return rows;
    }

    /** The first build row whose key equals the probe row's key, or -1. */
    int first(FieldVector[] probeKeys, int row) {
        if (JoinKeys.isNull(probeKeys, row)) {
            return -1;
        }
        return singleLong ? longHeads.get(JoinKeys.longKey(probeKeys[0], row))
                : objectHeads.getInt(JoinKeys.objectKey(probeKeys, row));
    }

    int next(int buildRow) {
        return next[buildRow];
    }

    @Override
    public void close() {
        rows.close();
    }
}
