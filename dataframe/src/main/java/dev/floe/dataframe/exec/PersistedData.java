package dev.floe.dataframe.exec;

import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.plan.InMemoryData;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * A frame's partitions computed once and kept in memory: what {@code persist()} makes. Owns its batches
 * (and, once moved, the allocator that holds them) until closed.
 */
public final class PersistedData implements InMemoryData, AutoCloseable {
    private final transient Schema schema;
    private final transient List<RowBatches> partitions;
    private final transient BufferAllocator allocator;
    private final transient QueryMetrics metrics;

    PersistedData(Schema schema, List<RowBatches> partitions, BufferAllocator allocator) {
        this(schema, partitions, allocator, QueryMetrics.NONE);
    }

    private PersistedData(Schema schema, List<RowBatches> partitions, BufferAllocator allocator, QueryMetrics metrics) {
        this.schema = schema;
        this.partitions = List.copyOf(partitions);
        this.allocator = allocator;
        this.metrics = metrics;
    }

    /** What the query that computed these partitions read and rejected ({@link QueryMetrics#NONE} inside it). */
    public QueryMetrics metrics() {
        return metrics;
    }

    /**
     * These batches' buffers moved (not copied) into new batches accounted to {@code target}; the result
     * owns (and closes) {@code target} when {@code ownTarget}. These batches are left empty.
     */
    PersistedData moveTo(BufferAllocator target, boolean ownTarget) {
        return moveTo(target, ownTarget, metrics);
    }

    /** {@link #moveTo(BufferAllocator, boolean)}, the result carrying {@code metrics}. */
    PersistedData moveTo(BufferAllocator target, boolean ownTarget, QueryMetrics metrics) {
        List<RowBatches> moved = new ArrayList<>();
        try {
            for (RowBatches part : partitions) {
                RowBatches copy = new RowBatches();
                moved.add(copy);
                for (VectorSchemaRoot b : part.batches()) {
                    List<FieldVector> vectors = new ArrayList<>();
                    for (FieldVector v : b.getFieldVectors()) {
                        TransferPair tp = v.getTransferPair(target);
                        tp.transfer();
                        vectors.add((FieldVector) tp.getTo());
                    }
                    copy.add(new VectorSchemaRoot(b.getSchema(), vectors, b.getRowCount()));
                }
            }
            return new PersistedData(schema, moved, ownTarget ? target : null, metrics);
        } catch (RuntimeException e) {
            moved.forEach(RowBatches::close);
            throw e;
        } finally {
            partitions.forEach(RowBatches::close);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<VectorSchemaRoot> partition(int i) {
        return partitions.get(i).batches();
    }

    @Override
    public int partitions() {
        return partitions.size();
    }

    @Override
    public long rowCount() {
        return partitions.stream().mapToLong(RowBatches::rowCount).sum();
    }

    @Override
    public String describe() {
        return partitions.size() + " partitions, " + rowCount() + " rows";
    }

    @Override
    public void close() {
        partitions.forEach(RowBatches::close);
        if (allocator != null) {
            allocator.close();
        }
    }
}
