package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Arrow batches as one RFC 4180 CSV file with a header line (see {@link CsvWriteOptions} for the text
 * forms), to a local path or any Hadoop FileSystem URI, atomically as {@link BatchWriter} describes.
 * Made by {@link Writers#csv} and {@link PartitionedOutput}.
 */
public final class CsvWriter extends FileBatchWriter {
    private final CsvEncoder encoder;

    CsvWriter(AtomicFile file, Schema schema, CsvWriteOptions options, Consumer<AtomicFile> onCommit) {
        super(schema, file, onCommit);
        requireNonNull(options, "options is null");
        this.encoder = new CsvEncoder(file.stream(), schema, options);
        if (options.header()) {
            try {
                encoder.header(schema);
            } catch (IOException e) {
                abort();
                throw new dev.floe.io.FloeIOException("cannot write the header of " + file.target() + ": " + e, e);
            }
        }
    }

    @Override
    protected void writeBatch(VectorSchemaRoot batch) throws IOException {
        encoder.batch(batch);
    }

    @Override
    protected void finishContent() throws IOException {
        encoder.drain();
    }

    @Override
    protected void release() {
        // the encoder holds only heap buffers
    }
}
