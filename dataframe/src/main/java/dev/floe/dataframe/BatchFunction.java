package dev.floe.dataframe;

import java.io.Serializable;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * User code over Arrow batches, for {@link DataFrame#mapPartitions}. Called once per batch of every
 * partition, on worker threads (one call at a time per partition).
 *
 * <p>Rules: read {@code input} (do not keep it or its vectors); write the result into {@code output},
 * whose columns are the schema declared to {@code mapPartitions}, emptied before each call — fill its
 * vectors with {@code setSafe}, then call {@code output.setRowCount(n)}. Do not close either.
 */
@FunctionalInterface
public interface BatchFunction extends Serializable {
    void apply(VectorSchemaRoot input, VectorSchemaRoot output) throws Exception;
}
