package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Sort;
import dev.floe.expressions.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One range of a sort as sorted runs: run files on disk (in input order) and, last, a run in memory (a
 * list of batches, possibly empty). Read with {@link MergeSource}. Owns its files and batches until
 * closed.
 */
final class SortedRuns implements AutoCloseable {
    private final List<RunFile> files;
    private final List<VectorSchemaRoot> memory;
    private final List<Sort.Key> keys;
    private final Schema schema;

    private final Runnable onClose;

    /** @param onClose run once when closed (releases what the in-memory run reserved in a {@link MemoryPool}) */
    SortedRuns(List<RunFile> files, List<VectorSchemaRoot> memory, List<Sort.Key> keys, Schema schema, Runnable onClose) {
        this.onClose = onClose;
        this.files = List.copyOf(files);
        this.memory = List.copyOf(memory);
        this.keys = keys;
        this.schema = schema;
    }

    /** The rows in sort order, merged as they are read (batches of {@code allocator}). */
    BatchSource open(BufferAllocator allocator) {
        return new MergeSource(this, keys, schema, allocator);
    }

    List<RunFile> files() {
        return files;
    }

    List<VectorSchemaRoot> memory() {
        return memory;
    }

    @Override
    public void close() {
        onClose.run();
        memory.forEach(VectorSchemaRoot::close);
        files.forEach(RunFile::delete);
    }
}
