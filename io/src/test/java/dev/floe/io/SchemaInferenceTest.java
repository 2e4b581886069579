package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaInferenceTest {
    @TempDir
    Path dir;

    private Schema schemaOf(String glob, CsvOptions options) {
        return CsvDataset.open(dir.resolve(glob).toString(), options).schema();
    }

    private FloeType typeOf(String glob, String column) {
        Schema schema = schemaOf(glob, CsvOptions.defaults());
        return schema.field(schema.indexOf(column)).type();
    }

    @Test
    void aDecimalInALaterFileMakesTheColumnFloat64() throws IOException {
        TestTables.write(dir, "part-0.csv", "id,v\n1,10\n2,20\n");
        TestTables.write(dir, "part-1.csv", "id,v\n3,30\n");
        TestTables.write(dir, "part-2.csv", "id,v\n4,4.5\n");
        assertEquals(Schema.of(new Field("id", FloeType.INT64), new Field("v", FloeType.FLOAT64)),
                schemaOf("part-*.csv", CsvOptions.defaults()));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(CsvDataset.open(dir + "/part-*.csv", CsvOptions.defaults()), allocator);
            assertEquals(List.of(List.of(1L, 10.0), List.of(2L, 20.0), List.of(3L, 30.0), List.of(4L, 4.5)), rows);
        }
    }

    @Test
    void textInALaterFileMakesTheColumnString() throws IOException {
        TestTables.write(dir, "part-0.csv", "id,v\n1,10\n");
        TestTables.write(dir, "part-1.csv", "id,v\n2,2.5\n");
        TestTables.write(dir, "part-2.csv", "id,v\n3,n/a\n");
        assertEquals(FloeType.STRING, typeOf("part-*.csv", "v"));
        assertEquals(FloeType.INT64, typeOf("part-*.csv", "id"));
    }

    @Test
    void leadingZerosStayText() throws IOException {
        TestTables.write(dir, "a.csv", "zip,n,d,z\n08123,0,0.5,-0\n10001,7,-0.25,0\n");
        assertEquals(Schema.of(new Field("zip", FloeType.STRING), new Field("n", FloeType.INT64),
                new Field("d", FloeType.FLOAT64), new Field("z", FloeType.INT64)), schemaOf("a.csv", CsvOptions.defaults()));
        TestTables.write(dir, "b.csv", "x\n1.5\n007.5\n");
        assertEquals(FloeType.STRING, typeOf("b.csv", "x"));
    }

    @Test
    void integersBeyondInt64AreTextNotDouble() throws IOException {
        TestTables.write(dir, "a.csv", "big,max\n1,9223372036854775807\n99999999999999999999,-9223372036854775808\n");
        assertEquals(Schema.of(new Field("big", FloeType.STRING), new Field("max", FloeType.INT64)),
                schemaOf("a.csv", CsvOptions.defaults()));
    }

    @Test
    void timestampsAreDetectedOnlyWhenEveryValueLooksLikeOne() throws IOException {
        TestTables.write(dir, "a.csv", "t1,t2,t3,d\n"
                + "2000-01-01 00:00:00,2000-01-01T00:00:00,2000-01-01 00:00:00,2000-01-01\n"
                + "2000-01-01 00:00:01.5,,2000-13-01 00:00:00,2000-01-02\n");
        assertEquals(Schema.of(new Field("t1", FloeType.TIMESTAMP), new Field("t2", FloeType.TIMESTAMP),
                new Field("t3", FloeType.STRING), new Field("d", FloeType.DATE)), schemaOf("a.csv", CsvOptions.defaults()));
        assertEquals(FloeType.TIMESTAMP, schemaOf("a.csv", CsvOptions.parseDates("d")).field(3).type());
    }

    @Test
    void emptyColumnsAreStringAndEmptyValuesAreIgnored() throws IOException {
        TestTables.write(dir, "a.csv", "a,b\n,1\n,\n,3\n");
        assertEquals(Schema.of(new Field("a", FloeType.STRING), new Field("b", FloeType.INT64)), schemaOf("a.csv", CsvOptions.defaults()));
        try (RootAllocator allocator = new RootAllocator()) {
            List<List<Object>> rows = TestTables.readAll(CsvDataset.open(dir + "/a.csv", CsvOptions.defaults()), allocator);
            assertEquals(List.of(Arrays.asList(null, 1L), Arrays.asList(null, null), Arrays.asList(null, 3L)), rows);
        }
    }

    @Test
    void declaredTypesWin() throws IOException {
        TestTables.write(dir, "a.csv", "id,v,t\n1,10,2000-01-01 00:00:00\n");
        CsvOptions options = CsvOptions.defaults().withTypes(Map.of("id", FloeType.STRING, "v", FloeType.FLOAT64,
                "t", FloeType.STRING));
        assertEquals(Schema.of(new Field("id", FloeType.STRING), new Field("v", FloeType.FLOAT64), new Field("t", FloeType.STRING)),
                schemaOf("a.csv", options));
    }

    @Test
    void aDeclaredColumnMustExist() throws IOException {
        TestTables.write(dir, "a.csv", "timestamp,value\n2000-01-01 00:00:00,1\n");
        PlanException e = assertThrows(PlanException.class,
                () -> schemaOf("a.csv", CsvOptions.defaults().withTypes(Map.of("vlaue", FloeType.FLOAT64))));
        assertTrue(e.getMessage().contains("column 'vlaue' not found; did you mean 'value'?"), e.getMessage());
        assertThrows(PlanException.class, () -> schemaOf("a.csv", CsvOptions.parseDates("time")));
    }

    @Test
    void theSampleReachesTheMiddleAndEndOfLargeFiles() throws IOException {
        StringBuilder sb = new StringBuilder("id,late\n");
        int rows = 200_000; // ~2.4 MB: sampled at five points, not read whole
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i > rows - 10 ? "1.5" : "1").append('\n');
        }
        TestTables.write(dir, "big.csv", sb.toString());
        assertEquals(FloeType.FLOAT64, typeOf("big.csv", "late"));
    }

    @Test
    void filesWithDifferentHeadersAreAnError() throws IOException {
        TestTables.write(dir, "a1.csv", "id,value\n1,2\n");
        TestTables.write(dir, "a2.csv", "id,value\n1,2\n");
        TestTables.write(dir, "b.csv", "id,val\n1,2\n");
        FloeIOException e = assertThrows(FloeIOException.class, () -> schemaOf("*.csv", CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("id,value  (2 files, e.g. " + dir.resolve("a1.csv")), e.getMessage());
        assertTrue(e.getMessage().contains("id,val  (1 file, e.g. " + dir.resolve("b.csv")), e.getMessage());
    }

    @Test
    void headerNamesAreCleanedAndUnique() throws IOException {
        TestTables.write(dir, "a.csv", "\uFEFFa,,a,\"b,c\"\n1,2,3,4\n");
        assertEquals(List.of("a", "column1", "a_1", "b,c"), schemaOf("a.csv", CsvOptions.defaults()).names());
    }

    @Test
    void withoutAHeaderColumnsAreNumbered() throws IOException {
        TestTables.write(dir, "a.csv", "1,x\n2,y\n");
        CsvOptions options = CsvOptions.defaults().withHeader(false);
        assertEquals(Schema.of(new Field("column0", FloeType.INT64), new Field("column1", FloeType.STRING)), schemaOf("a.csv", options));
        try (RootAllocator allocator = new RootAllocator()) {
            assertEquals(List.of(List.of(1L, "x"), List.of(2L, "y")),
                    TestTables.readAll(CsvDataset.open(dir + "/a.csv", options), allocator));
        }
    }
}
