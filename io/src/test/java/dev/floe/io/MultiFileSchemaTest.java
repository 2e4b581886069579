package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers across files: by-name matching, union_by_name, duplicate names, filename and hive columns. */
class MultiFileSchemaTest {
    @TempDir
    Path dir;

    private static List<List<Object>> read(CsvDataset dataset) {
        try (RootAllocator allocator = new RootAllocator()) {
            return TestTables.readAll(dataset, allocator);
        }
    }

    @Test
    void columnsInAnotherOrderAreMatchedByName() throws IOException {
        TestTables.write(dir, "a.csv", "id,name,v\n1,x,1.5\n");
        TestTables.write(dir, "b.csv", "v,id,name\n2.5,2,y\n");
        CsvDataset dataset = CsvDataset.open(dir + "/*.csv", CsvOptions.defaults());
        assertEquals(Schema.of(new Field("id", FloeType.INT64), new Field("name", FloeType.STRING),
                new Field("v", FloeType.FLOAT64)), dataset.schema());
        assertEquals(List.of(List.of(1L, "x", 1.5), List.of(2L, "y", 2.5)), read(dataset));
    }

    @Test
    void differentColumnsAreAnErrorListingEachHeaderWithItsCount() throws IOException {
        TestTables.write(dir, "a1.csv", "id,v\n1,2\n");
        TestTables.write(dir, "a2.csv", "v,id\n1,2\n");
        TestTables.write(dir, "b.csv", "id,v,extra\n1,2,3\n");
        FloeIOException e = assertThrows(FloeIOException.class, () -> CsvDataset.open(dir + "/*.csv", CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("id,v  (1 file, e.g. " + dir.resolve("a1.csv") + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("v,id  (1 file"), e.getMessage());
        assertTrue(e.getMessage().contains("id,v,extra  (1 file, e.g. " + dir.resolve("b.csv") + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("union_by_name = true"), e.getMessage());
    }

    @Test
    void unionByNameReadsMissingColumnsAsNull() throws IOException {
        TestTables.write(dir, "a.csv", "id,v\n1,1.5\n");
        TestTables.write(dir, "b.csv", "extra,id\nq,2\n");
        CsvDataset dataset = CsvDataset.open(dir + "/*.csv", CsvOptions.defaults().withUnionByName(true));
        assertEquals(List.of("id", "v", "extra"), dataset.schema().names());
        assertEquals(List.of(Arrays.asList(1L, 1.5, null), Arrays.asList(2L, null, "q")), read(dataset));
    }

    @Test
    void duplicateNamesGetNumberedSuffixes() throws IOException {
        Path f = TestTables.write(dir, "a.csv", "a,a,b,a\n1,2,3,4\n");
        assertEquals(List.of("a", "a_1", "b", "a_2"), CsvDataset.open(f.toString(), CsvOptions.defaults()).schema().names());
    }

    @Test
    void filenameAndHivePartitionColumns() throws IOException {
        Path a = TestTables.write(dir, "t/year=2024/city=Paris/part-0.csv", "id\n1\n2\n");
        Path b = TestTables.write(dir, "t/year=2025/city=Rome/part-0.csv", "id\n3\n");
        CsvDataset dataset = CsvDataset.open(dir + "/t/**/*.csv",
                CsvOptions.defaults().withFilename(true).withHivePartitioning(true));
        assertEquals(Schema.of(new Field("id", FloeType.INT64), new Field("filename", FloeType.STRING),
                new Field("year", FloeType.INT64), new Field("city", FloeType.STRING)), dataset.schema());
        assertEquals(List.of(List.of(1L, "file:" + a, 2024L, "Paris"), List.of(2L, "file:" + a, 2024L, "Paris"),
                List.of(3L, "file:" + b, 2025L, "Rome")), read(dataset));
        // projection of the extra columns only
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(List.of(List.of("Paris"), List.of("Paris"), List.of("Rome")),
                    TestTables.readAll(dataset, allocator, new int[] {3}));
        }
    }
}
