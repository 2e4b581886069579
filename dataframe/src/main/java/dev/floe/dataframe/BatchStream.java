package dev.floe.dataframe;

import dev.floe.dataframe.exec.PartitionStream;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A frame's rows as Arrow batches, for streaming consumers ({@link DataFrame#toBatches()}).
 *
 * <pre>{@code
 * try (BatchStream s = df.toBatches()) {
 *     while (s.next()) {
 *         VectorSchemaRoot batch = s.batch();   // valid until the next call to next()
 *     }
 * }
 * }</pre>
 */
public final class BatchStream implements AutoCloseable {
    private final PartitionStream partitions;
    private List<VectorSchemaRoot> batches = List.of();
    private int index = -1;

    BatchStream(PartitionStream partitions) {
        this.partitions = partitions;
    }

    /** Moves to the next non-empty batch; false at the end. */
    public boolean next() {
        while (true) {
            if (++index < batches.size()) {
                if (batches.get(index).getRowCount() > 0) {
                    return true;
                }
                continue;
            }
            if (!partitions.next()) {
                batches = List.of();
                return false;
            }
            batches = partitions.batches();
            index = -1;
        }
    }

    /** The current batch, owned by the stream. */
    public VectorSchemaRoot batch() {
        return batches.get(index);
    }

    @Override
    public void close() {
        partitions.close();
    }
}
