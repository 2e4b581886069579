package dev.floe.io.write;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Writes Arrow batches as one Arrow IPC file ({@link ArrowFileWriter}: the random-access "Feather v2" format
 * that {@code ArrowFileReader}, pyarrow and DuckDB read), to a local path or any Hadoop FileSystem URI,
 * atomically as {@link BatchWriter} describes.
 *
 * <p>The file writer writes from a root of its own; each incoming batch's buffers are loaded into it by
 * reference ({@link VectorUnloader} / {@link VectorLoader}: no copy), written, and released again, so the
 * caller keeps ownership of its batch.
 */
public final class ArrowIpcWriter extends FileBatchWriter {
    private final VectorSchemaRoot root;
    private final ArrowFileWriter writer;
    private final BufferedOutputStream buffered;
    private boolean released;

    ArrowIpcWriter(AtomicFile file, Schema schema, BufferAllocator allocator, Consumer<AtomicFile> onCommit) {
        super(schema, file, onCommit);
        requireNonNull(allocator, "allocator is null");
        this.root = VectorSchemaRoot.create(schema.toArrow(), allocator);
        this.buffered = new BufferedOutputStream(file.stream(), 1 << 20);
        try {
            this.writer = new ArrowFileWriter(root, null, Channels.newChannel(buffered));
            writer.start();
        } catch (IOException | RuntimeException e) {
            root.close();
            file.discard();
            throw new dev.floe.io.FloeIOException("cannot start the Arrow file " + file.target() + ": " + e, e);
        }
    }

    @Override
    protected void writeBatch(VectorSchemaRoot batch) throws IOException {
        try (ArrowRecordBatch recordBatch = new VectorUnloader(batch).getRecordBatch()) {
            new VectorLoader(root).load(recordBatch);
        }
        try {
            writer.writeBatch();
        } finally {
            root.clear();
        }
    }

    @Override
    protected void finishContent() throws IOException {
        writer.end();
        buffered.flush();   // the file itself is forced and closed by AtomicFile
    }

    @Override
    protected void release() {
        if (!released) {
            released = true;
            root.close();
        }
    }
}
