package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.fs.FileChangedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file truncated while a split reads it (small read buffers, so that the reader is mid-file): an error, not a short read. */
class FileTruncatedWhileReadingTest {
    @TempDir
    Path dir;

    private static String table(int rows) {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i * 7).append('\n');
        }
        return sb.toString();
    }

    @Test
    void datasetFileTruncatedWhileASplitReadsIt() throws IOException {
        Path path = dir.resolve("a.csv");
        Files.writeString(path, table(20_000));
        long listed = Files.size(path);
        CsvDataset dataset = CsvDataset.open(path.toString(), CsvOptions.defaults().withBatchRows(100));
        try (BufferAllocator allocator = new RootAllocator();
                CsvBatchReader reader = dataset.openSplit(dataset.splits().get(0), allocator, null, 4096)) {
            assertTrue(reader.next());
            try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
                c.truncate(listed / 2);
            }
            FileChangedException e = assertThrows(FileChangedException.class, () -> {
                while (reader.next()) {
                    // reads until the truncated end
                }
            });
            assertTrue(e.getMessage().contains("it was listed with " + listed + " bytes, but it ended at byte "
                    + listed / 2 + " while it was being read (it was truncated)"), e.getMessage());
        }
    }

}
