package dev.floe.dataframe.exec;

import dev.floe.io.write.BatchWriter;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes a partition's batches to a file; commits on {@link #result()}, aborts if closed before. */
final class WriteSink implements PartitionSink<Long> {
    private final BatchWriter writer;

    WriteSink(BatchWriter writer) {
        this.writer = writer;
    }

    @Override
    public void accept(VectorSchemaRoot batch) {
        writer.write(batch);
    }

    @Override
    public Long result() {
        writer.commit();
        return writer.rowsWritten();
    }

    @Override
    public void close() {
        writer.close();
    }
}
