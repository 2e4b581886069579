package dev.floe.io.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write that is aborted or fails leaves nothing at a path that was free: its hidden files are deleted and
 * so are the directories it created (the output directory and missing ancestors); a directory that existed
 * before stays, with whatever it held. The oracle is the file tree before the write.
 */
class AbortedWriteDirectoriesTest {
    @TempDir
    Path dir;

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Writes one part (committed) and opens a second (not), as a query that fails half way would. */
    private static void writeSomeParts(PartitionedOutput output, BufferAllocator allocator) {
        CsvWriterTest.writeAll(output.part(0), TestBatches.ALL_TYPES, TestBatches.randomRows(40, 3), 16, allocator);
        output.part(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out", "a/b/out"})
    void abortedPartsRemoveTheDirectoriesTheyCreated(String relative) throws IOException {
        List<String> before = tree(dir);
        Path out = dir.resolve(relative);
        try (BufferAllocator allocator = new RootAllocator();
                PartitionedOutput output = Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults())) {
            writeSomeParts(output, allocator);
            assertEquals(List.of(relative, relative + "/.part-00000.csv", relative + "/.part-00001.csv"),
                    tree(dir).stream().filter(p -> p.startsWith(relative)).map(p -> p.replaceAll("\\.[0-9a-f]{8}\\.tmp$", ""))
                            .toList(), "two hidden parts while writing");
            output.abort();
            assertFalse(Files.exists(out), out + " was created by the output");
            output.abort();   // idempotent
        }
        assertEquals(before, tree(dir));
    }

    @Test
    void abortedPartsKeepADirectoryThatExistedBefore() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path hidden = Files.createDirectories(dir.resolve("hidden"));
        Files.writeString(hidden.resolve(".keep"), "mine\n");
        Path under = Files.createDirectories(dir.resolve("parent"));
        List<String> before = tree(dir);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Path out : List.of(empty, hidden, under.resolve("new"))) {
                try (PartitionedOutput output = Writers.arrowParts(out.toString(), TestBatches.ALL_TYPES, allocator)) {
                    writeSomeParts(output, allocator);
                }   // closed without commit
            }
        }
        assertEquals(before, tree(dir));
    }

    @Test
    void aCommittedOutputIsNotRemovedByClose() throws IOException {
        Path out = dir.resolve("done");
        try (BufferAllocator allocator = new RootAllocator();
                PartitionedOutput output = Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults())) {
            CsvWriterTest.writeAll(output.part(0), TestBatches.ALL_TYPES, TestBatches.randomRows(10, 4), 8, allocator);
            output.commit();
            output.abort();   // after a commit: nothing to do
        }
        assertEquals(List.of("", "done", "done/_SUCCESS", "done/part-00000.csv"), tree(dir));
    }

    @Test
    void aPartAskedForAfterTheAbortLeavesNothing() throws IOException {
        Path out = dir.resolve("late");
        PartitionedOutput output = Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults());
        output.abort();
        assertThrows(IllegalStateException.class, () -> output.part(0));
        assertEquals(List.of(""), tree(dir));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "arrow"})
    void anAbortedSingleFileRemovesTheDirectoriesItCreated(String format) throws IOException {
        Path existing = Files.createDirectories(dir.resolve("existing"));
        List<String> before = tree(dir);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Path target : List.of(dir.resolve("x/y/t." + format), existing.resolve("t." + format),
                    existing.resolve("sub/t." + format))) {
                try (BatchWriter w = format.equals("csv")
                        ? Writers.csv(target.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults())
                        : Writers.arrow(target.toString(), TestBatches.ALL_TYPES, allocator)) {
                    try (VectorSchemaRoot batch = TestBatches.batch(TestBatches.ALL_TYPES, TestBatches.randomRows(20, 5),
                            allocator)) {
                        w.write(batch);
                    }
                    assertTrue(Files.isDirectory(target.getParent()));
                }   // closed without commit
            }
        }
        assertEquals(before, tree(dir));
    }

    @Test
    void aFailedWriteRemovesTheDirectoriesItCreated() throws IOException {
        Schema other = Schema.of(new Field("n", FloeType.INT64));
        Path target = dir.resolve("failed/t.csv");
        try (BufferAllocator allocator = new RootAllocator()) {
            try (BatchWriter w = Writers.csv(target.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults());
                    VectorSchemaRoot wrong = TestBatches.batch(other, List.of(List.of(1L)), allocator)) {
                assertThrows(RuntimeException.class, () -> w.write(wrong));
            }
        }
        assertEquals(List.of(""), tree(dir));
    }

    @Test
    void aDirectoryThatSomethingElseWroteIntoStays() throws IOException {
        Path out = dir.resolve("shared");
        try (BufferAllocator allocator = new RootAllocator();
                PartitionedOutput output = Writers.csvParts(out.toString(), TestBatches.ALL_TYPES, CsvWriteOptions.defaults())) {
            writeSomeParts(output, allocator);
            Files.writeString(out.resolve("someone-else.txt"), "not ours\n");
        }
        assertEquals(List.of("", "shared", "shared/someone-else.txt"), tree(dir));
    }
}
