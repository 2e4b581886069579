package dev.floe.dataframe.plan;

import dev.floe.expressions.Schema;
import java.io.Serializable;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Partitions of rows held in memory as Arrow batches, owned by whoever made them (a persisted frame, a
 * table). Readers only read them; they must stay open while any plan that scans them runs.
 */
public interface InMemoryData extends Serializable {
    Schema schema();

    /** Partition i's batches. */
    List<VectorSchemaRoot> partition(int i);

    int partitions();

    long rowCount();

    String describe();
}
