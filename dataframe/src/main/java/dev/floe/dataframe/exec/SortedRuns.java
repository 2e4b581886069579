package dev.floe.dataframe.exec;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One range of a sort as sorted runs: run files on disk (in input order) and, last, a run in memory (a
 * list of batches, possibly empty). Read with {@link MergeSource}. Owns its files and batches until
 * closed.
 */
final class SortedRuns implements AutoCloseable {
    private final List<RunFile> files;
    private final List<VectorSchemaRoot> memory;

    SortedRuns(List<RunFile> files, List<VectorSchemaRoot> memory) {
        this.files = List.copyOf(files);
        this.memory = List.copyOf(memory);
    }

    List<RunFile> files() {
        return files;
    }

    List<VectorSchemaRoot> memory() {
        return memory;
    }

    @Override
    public void close() {
        memory.forEach(VectorSchemaRoot::close);
        files.forEach(RunFile::delete);
    }
}
