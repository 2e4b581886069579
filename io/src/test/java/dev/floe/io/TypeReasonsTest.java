package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.floe.expressions.FloeType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema inference says why each column has its type: how much it saw, and which value decided it, where. */
class TypeReasonsTest {
    @TempDir
    Path dir;

    @Test
    void eachColumnSaysWhyItHasItsType() throws IOException {
        TestTables.write(dir, "part-1.csv", "id,zip,price,when,flag,day,stamp,empty\n"
                + "1,10115,10,2024-01-01 10:00:00,true,2024-01-01,2024-01-01,\n"
                + "2,20095,12,2024-01-02T11:00:00Z,false,2024-01-02,2024-01-02,\n");
        TestTables.write(dir, "part-2.csv", "id,zip,price,when,flag,day,stamp,empty\n"
                + "3,\"multi\",\"line\n"                               // a record over two lines: line numbers are physical
                + "price\",2024-01-03 12:00:00,true,2024-01-03,2024-01-03,\n"
                + "4,08123,1.5,2024-01-04 13:00:00.5,FALSE,2024-01-04,2024-01-04 07:30:00,\n");
        CsvDataset dataset = CsvDataset.open(dir.resolve("part-*.csv").toString(), CsvOptions.defaults());
        String p2 = dir.resolve("part-2.csv").toString();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "BIGINT: 4 values sampled from 2 files, all integers");
        expected.put("zip", "VARCHAR: 'multi' at " + p2 + " line 2 is not a BIGINT");
        expected.put("price", "VARCHAR: 'line\\nprice' at " + p2 + " line 2 is not a BIGINT");
        expected.put("when", "TIMESTAMP: 4 values sampled from 2 files, all ISO 8601 timestamps");
        expected.put("flag", "BOOLEAN: 4 values sampled from 2 files, all true or false");
        expected.put("day", "DATE: 4 values sampled from 2 files, all ISO 8601 dates");
        expected.put("stamp", "TIMESTAMP: 4 values sampled from 2 files, all ISO 8601 timestamps; '2024-01-04 07:30:00'"
                + " at " + p2 + " line 4 has a time of day");
        expected.put("empty", "VARCHAR: no value to go by (every sampled value is empty or NULL)");
        assertEquals(expected, dataset.typeReasons());
        assertEquals(List.copyOf(expected.keySet()), dataset.schema().names());
    }

    @Test
    void aLeadingZeroABigIntegerAndADecimalEachNameTheirValue() throws IOException {
        TestTables.write(dir, "a.csv", "zip,big,v\n10115,1,1\n20095,2,2\n08123,99999999999999999999,3.25\n");
        CsvDataset dataset = CsvDataset.open(dir.resolve("a.csv").toString(), CsvOptions.defaults());
        String a = dir.resolve("a.csv").toString();
        assertEquals("VARCHAR: '08123' at " + a + " line 4 has a leading zero (an identifier: kept as text)",
                dataset.typeReason("zip"));
        assertEquals("VARCHAR: '99999999999999999999' at " + a + " line 4 is an integer beyond BIGINT (kept as text"
                + " rather than rounded to a DOUBLE)", dataset.typeReason("big"));
        assertEquals("DOUBLE: 3 values sampled from 1 file, all numbers; '3.25' at " + a + " line 4 is not an integer",
                dataset.typeReason("v"));
        // every row read: said so
        CsvDataset every = CsvDataset.open(a, CsvOptions.defaults().withSampleSize(-1));
        assertEquals("DOUBLE: 3 values (every row) in 1 file, all numbers; '3.25' at " + a + " line 4 is not an integer",
                every.typeReason("v"));
    }

    @Test
    void declaredTypesSaySo() throws IOException {
        TestTables.write(dir, "a.csv", "zip,v,t\n10115,1,2024-01-01 00:00:00\n");
        String a = dir.resolve("a.csv").toString();
        CsvDataset typed = CsvDataset.open(a, CsvOptions.fromMap(Map.of("types", Map.of("zip", "VARCHAR"),
                "filename", true)));
        assertEquals("VARCHAR: declared by types = {'zip': 'VARCHAR'}", typed.typeReason("zip"));
        assertEquals("BIGINT: 1 value sampled from 1 file, all integers", typed.typeReason("v"));
        assertEquals("VARCHAR: the path of each row's file (filename = true)", typed.typeReason("filename"));
        CsvDataset text = CsvDataset.open(a, CsvOptions.defaults().withAllVarchar(true));
        assertEquals("VARCHAR: all_varchar = true", text.typeReason("v"));
        CsvDataset dates = CsvDataset.open(a, CsvOptions.parseDates("t").withTypes(Map.of("v", FloeType.FLOAT64)));
        assertEquals("DOUBLE: declared by types = {'v': 'DOUBLE'}", dates.typeReason("v"));
        assertEquals("TIMESTAMP: declared a timestamp column (CsvOptions.parseDates / withTimestampColumns)",
                dates.typeReason("t"));
    }

    /** Regression: the value named was cut at 100 bytes, so a character across the cut showed as U+FFFD. */
    @Test
    void aLongValueIsCutBetweenCharacters() throws IOException {
        String city = "a".repeat(99) + "é" + "b".repeat(50);
        TestTables.write(dir, "c.csv", "city\n1\n" + city + "\n");
        String reason = CsvDataset.open(dir.resolve("c.csv").toString(), CsvOptions.defaults()).typeReason("city");
        assertEquals("VARCHAR: '" + "a".repeat(99) + "é' at " + dir.resolve("c.csv") + " line 3 is not a BIGINT", reason);
    }
}
