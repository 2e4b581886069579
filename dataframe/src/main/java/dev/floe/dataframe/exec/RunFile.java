package dev.floe.dataframe.exec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows spilled to local disk: one Arrow IPC stream file of record batches, read back batch by batch.
 * The file belongs to whoever holds this object; {@link #delete()} removes it (the query's
 * {@link SpillSpace} removes what is left when the query ends).
 */
record RunFile(Path path, Schema schema, long rows, long bytes) {

    /** Reads the file's batches one at a time into a batch owned by the source (from {@code allocator}). */
    BatchSource open(BufferAllocator allocator) {
        InputStream in;
        try {
            in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + path, e);
        }
        ArrowStreamReader reader = new ArrowStreamReader(in, allocator);
        return new BatchSource() {
            @Override
            public boolean next() {
                try {
                    return reader.loadNextBatch();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spill file " + path, e);
                }
            }

            @Override
            public VectorSchemaRoot batch() {
                try {
                    return reader.getVectorSchemaRoot();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spill file " + path, e);
                }
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close spill file " + path, e);
                }
            }
        };
    }

    void delete() {
        SpillSpace.delete(path);
    }

    /** Writes batches to a new spill file; {@link #finish()} closes it and returns the {@link RunFile}. */
    static final class Writer implements AutoCloseable {
        private final Path path;
        private final Schema schema;
        private final SpillSpace space;
        private final OutputStream out;
        private final WriteChannel channel;
        private long rows;
        private boolean finished;

        Writer(SpillSpace space, String prefix, Schema schema) {
            this.space = space;
            this.schema = schema;
            this.path = space.newFile(prefix);
            try {
                this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
                this.channel = new WriteChannel(Channels.newChannel(out));
                MessageSerializer.serialize(channel, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spill file " + path, e);
            }
        }

        void write(VectorSchemaRoot batch) {
            if (batch.getRowCount() == 0) {
                return;
            }
            try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
                MessageSerializer.serialize(channel, rb);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spill file " + path
                        + " (is the spill directory's disk full? see ExecutionOptions.withSpillDirectory)", e);
            }
            rows += batch.getRowCount();
        }

        RunFile finish() {
            try {
                ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
                out.close();
                finished = true;
                space.wrote(channel.getCurrentPosition());
                return new RunFile(path, schema, rows, channel.getCurrentPosition());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spill file " + path, e);
            }
        }

        /** Closes and deletes a file that was not finished. */
        @Override
        public void close() {
            if (finished) {
                return;
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // deleting it anyway
            }
            SpillSpace.delete(path);
        }
    }
}
