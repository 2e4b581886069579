package dev.floe.dataframe.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows of one schema kept partly in memory and partly in spill files, read back in the order they were
 * added: first the files (spilled earlier), then the batches still in memory. Owns both until closed
 * (closing frees the batches and deletes the files).
 */
final class SpillableRows implements AutoCloseable {
    private final List<RunFile> files;
    private final List<VectorSchemaRoot> memory;
    private final Runnable onClose;

    /** @param onClose run once when closed (releases what the batches reserved in a {@link MemoryPool}) */
    SpillableRows(List<RunFile> files, List<VectorSchemaRoot> memory, Runnable onClose) {
        this.files = new ArrayList<>(files);
        this.memory = new ArrayList<>(memory);
        this.onClose = onClose;
    }

    long rowCount() {
        long n = files.stream().mapToLong(RunFile::rows).sum();
        for (VectorSchemaRoot b : memory) {
            n += b.getRowCount();
        }
        return n;
    }

    /** Bytes held in memory (not counting the files). */
    long memoryBytes() {
        long n = 0;
        for (VectorSchemaRoot b : memory) {
            n += bytes(b);
        }
        return n;
    }

    /** Bytes in memory and on disk (the Arrow IPC size, about the size in memory). */
    long totalBytes() {
        return memoryBytes() + files.stream().mapToLong(RunFile::bytes).sum();
    }

    /** Every row, batch by batch; file batches are read into a batch of {@code allocator}. */
    BatchSource open(BufferAllocator allocator) {
        return new BatchSource() {
            private int file = -1;
            private BatchSource current;
            private int batch = -1;

            @Override
            public boolean next() {
                while (file < files.size()) {
                    if (current != null && current.next()) {
                        return true;
                    }
                    closeCurrent();
                    file++;
                    if (file < files.size()) {
                        current = files.get(file).open(allocator);
                    }
                }
                batch++;
                return batch < memory.size();
            }

            @Override
            public VectorSchemaRoot batch() {
                return current != null ? current.batch() : memory.get(batch);
            }

            private void closeCurrent() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() {
                closeCurrent();
            }
        };
    }

    static long bytes(VectorSchemaRoot batch) {
        long n = 0;
        for (FieldVector v : batch.getFieldVectors()) {
            n += v.getBufferSize();
        }
        return n;
    }

    @Override
    public void close() {
        if (!memory.isEmpty()) {
            onClose.run();
        }
        memory.forEach(VectorSchemaRoot::close);
        memory.clear();
        files.forEach(RunFile::delete);
        files.clear();
    }

    /** The rows of the parts one after another (file batches read into {@code allocator}). */
    static BatchSource concat(List<SpillableRows> parts, BufferAllocator allocator) {
        return new BatchSource() {
            private int next;
            private BatchSource current;

            @Override
            public boolean next() {
                while (true) {
                    if (current != null && current.next()) {
                        return true;
                    }
                    close();
                    if (next >= parts.size()) {
                        return false;
                    }
                    current = parts.get(next++).open(allocator);
                }
            }

            @Override
            public VectorSchemaRoot batch() {
                return current.batch();
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

}
