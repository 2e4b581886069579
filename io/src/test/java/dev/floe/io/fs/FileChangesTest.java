package dev.floe.io.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.io.CsvBatchReader;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import dev.floe.io.FileSplit;
import dev.floe.io.FloeIOException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file deleted, truncated or grown between listing and reading is a clear error, never a short read. */
class FileChangesTest {
    @TempDir
    Path dir;

    private FileEntry listed(String content) throws IOException {
        Files.writeString(dir.resolve("a.csv"), content);
        List<FileEntry> files = Storage.resolve(dir + "/*.csv");
        assertEquals(1, files.size());
        assertEquals(content.length(), files.get(0).length());
        return files.get(0);
    }

    @Test
    void unchangedFileReadsWhole() throws IOException {
        FileEntry file = listed("x,y\n1,2\n");
        try (ByteSource source = Storage.open(file)) {
            byte[] b = new byte[100];
            assertEquals(8, source.read(0, b, 0, 8));
            assertArrayEquals("x,y\n1,2\n".getBytes(), java.util.Arrays.copyOf(b, 8));
        }
    }

    @Test
    void deletedBeforeOpening() throws IOException {
        FileEntry file = listed("x,y\n1,2\n");
        Files.delete(dir.resolve("a.csv"));
        FileChangedException e = assertThrows(FileChangedException.class, () -> Storage.open(file));
        assertEquals("file " + dir.resolve("a.csv") + " changed or vanished since the query started: it was listed with"
                + " 8 bytes, but it no longer exists: the file changed while the query ran; re-run it, and do not"
                + " rewrite, truncate or delete input files while a query reads them", e.getMessage());
        assertEquals(-1, e.currentLength());
        assertEquals(file.path(), e.path());
        // without the listed length the open still says what happened
        FileChangedException unchecked = assertThrows(FileChangedException.class, () -> Storage.open(file.path()));
        assertTrue(unchecked.getMessage().contains("changed or vanished since the query started: it no longer exists"),
                unchecked.getMessage());
    }

    @Test
    void truncatedOrGrownBeforeOpening() throws IOException {
        FileEntry file = listed("x,y\n1,2\n3,4\n");
        Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n");
        FileChangedException e = assertThrows(FileChangedException.class, () -> Storage.open(file));
        assertTrue(e.getMessage().contains("it was listed with 12 bytes, but it now has 8 bytes"), e.getMessage());
        assertEquals(8, e.currentLength());
        Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n3,4\n5,6\n");
        e = assertThrows(FileChangedException.class, () -> Storage.open(file));
        assertTrue(e.getMessage().contains("but it now has 16 bytes"), e.getMessage());
    }

    @Test
    void rewrittenWithTheSameLength() throws IOException {
        FileEntry file = listed("x,y\n1,2\n");
        assertTrue(file.modificationTime() > 0, file.toString());
        Path path = dir.resolve("a.csv");
        Files.writeString(path, "x,y\n9,9\n");
        java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.fromMillis(file.modificationTime() + 5000);
        Files.setLastModifiedTime(path, later);
        FileChangedException e = assertThrows(FileChangedException.class, () -> Storage.open(file));
        assertTrue(e.getMessage().contains("it was listed with 8 bytes, but it was rewritten: modified at "
                + later.toInstant() + ", listed as of " + java.time.Instant.ofEpochMilli(file.modificationTime())),
                e.getMessage());
        // the length-only check (what a split knows) lets it through
        Storage.open(file.path(), file.length()).close();
    }

    @Test
    void truncatedWhileReading() throws IOException {
        FileEntry file = listed("x,y\n1,2\n3,4\n");
        try (ByteSource source = Storage.open(file)) {
            byte[] b = new byte[12];
            assertEquals(4, source.read(0, b, 0, 4));
            try (FileChannel c = FileChannel.open(dir.resolve("a.csv"), StandardOpenOption.WRITE)) {
                c.truncate(6);
            }
            FileChangedException e = assertThrows(FileChangedException.class, () -> source.read(4, b, 0, 8));
            assertTrue(e.getMessage().contains("it was listed with 12 bytes, but it ended at byte 6 while it was being"
                    + " read (it was truncated)"), e.getMessage());
            // reading up to the listed end is fine; past it is the caller's business, as before
            assertEquals(2, source.read(4, b, 0, 2));
        }
    }

    @Test
    void datasetFileDeletedBetweenListingAndReading() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n");
        Files.writeString(dir.resolve("b.csv"), "x,y\n3,4\n");
        CsvDataset dataset = CsvDataset.open(dir + "/*.csv", CsvOptions.defaults());
        Files.delete(dir.resolve("b.csv"));
        FileSplit split = dataset.splits().get(1);
        try (BufferAllocator allocator = new RootAllocator()) {
            FloeIOException e = assertThrows(FloeIOException.class, () -> dataset.openSplit(split, allocator, null));
            assertTrue(e.getMessage().contains("file " + dir.resolve("b.csv") + " changed or vanished since the query"
                    + " started"), e.getMessage());
        }
    }

    /** Reads every split of the dataset (and throws what a split throws). */
    private static long readAll(CsvDataset dataset) {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (FileSplit split : dataset.splits()) {
                try (CsvBatchReader reader = dataset.openSplit(split, allocator, null)) {
                    while (reader.next()) {
                        rows += reader.batch().getRowCount();
                    }
                }
            }
        }
        return rows;
    }

    private static String table(int rows) {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i * 7).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "block {0}")
    @ValueSource(longs = {64, 1 << 20})
    void datasetFileTruncatedBetweenListingAndReading(long block) throws IOException {
        Files.writeString(dir.resolve("a.csv"), table(100));
        CsvDataset dataset = CsvDataset.open(dir + "/a.csv", CsvOptions.defaults().withBlockSize(block));
        long listed = Files.size(dir.resolve("a.csv"));
        assertEquals(100, readAll(dataset));
        Files.writeString(dir.resolve("a.csv"), table(60));
        FileChangedException e = assertThrows(FileChangedException.class, () -> readAll(dataset));
        assertTrue(e.getMessage().contains("file " + dir.resolve("a.csv") + " changed or vanished since the query"
                + " started: it was listed with " + listed + " bytes, but it now has " + Files.size(dir.resolve("a.csv"))
                + " bytes: the file changed while the query ran; re-run it"), e.getMessage());
        assertEquals(listed, e.listedLength());
    }

    @Test
    void datasetFileRewrittenWithTheSameLengthIsCaughtByItsModificationTime() throws IOException {
        Path path = dir.resolve("a.csv");
        Files.writeString(path, "x,y\n1,2\n3,4\n");
        CsvDataset dataset = CsvDataset.open(path.toString(), CsvOptions.defaults().withBlockSize(5));
        assertTrue(dataset.splits().get(0).modificationTime() > 0, dataset.splits().toString());
        Files.writeString(path, "x,y\n9,9\n9,9\n");
        Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(
                dataset.splits().get(0).modificationTime() + 5000));
        FileChangedException e = assertThrows(FileChangedException.class, () -> readAll(dataset));
        assertTrue(e.getMessage().contains("it was listed with 12 bytes, but it was rewritten"), e.getMessage());
    }

    @Test
    void compressedFileRewrittenBetweenListingAndReading() throws IOException {
        Path path = dir.resolve("a.csv.gz");
        writeGzip(path, table(1000));
        CsvDataset dataset = CsvDataset.open(path.toString(), CsvOptions.defaults());
        long listed = Files.size(path);
        assertEquals(1000, readAll(dataset));
        writeGzip(path, table(10));
        FileChangedException e = assertThrows(FileChangedException.class, () -> readAll(dataset));
        assertTrue(e.getMessage().contains("it was listed with " + listed + " bytes, but it now has "
                + Files.size(path) + " bytes"), e.getMessage());
    }

    private static void writeGzip(Path path, String text) throws IOException {
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
