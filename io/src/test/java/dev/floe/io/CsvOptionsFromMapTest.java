package dev.floe.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL read_csv options, as DuckDB names them, against the equivalent Java calls. */
class CsvOptionsFromMapTest {
    @Test
    void duckDbNamesMapToTheJavaOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", false);
        m.put("delim", "|");
        m.put("quote", "'");
        m.put("escape", "\\");
        m.put("nullstr", List.of("NA", ""));
        m.put("types", Map.of("zip", "VARCHAR"));
        m.put("dateformat", "%d/%m/%Y");
        m.put("timestampformat", "%Y-%m-%d %H:%M:%S");
        m.put("union_by_name", true);
        m.put("filename", true);
        m.put("hive_partitioning", true);
        m.put("compression", "gzip");
        m.put("ignore_errors", true);
        m.put("max_line_size", 1000L);
        m.put("skip", 2L);
        m.put("all_varchar", false);
        m.put("comment", "#");
        m.put("encoding", "latin-1");
        m.put("null_padding", true);
        m.put("max_rejects", 5L);
        m.put("sample_size", -1L);
        m.put("block_size", 4096L);
        CsvOptions expected = CsvOptions.defaults().withHeader(false).withDelimiter('|').withQuote('\'').withEscape('\\')
                .withNullStrings(List.of("NA", "")).withTypes(Map.of("zip", FloeType.STRING)).withDateFormat("%d/%m/%Y")
                .withTimestampFormat("%Y-%m-%d %H:%M:%S").withUnionByName(true).withFilename(true)
                .withHivePartitioning(true).withCompression("gzip").withIgnoreErrors(true).withMaxLineSize(1000)
                .withSkip(2).withAllVarchar(false).withComment('#').withEncoding("latin-1").withNullPadding(true)
                .withMaxRejects(5).withSampleSize(-1).withBlockSize(4096);
        assertEquals(expected, CsvOptions.fromMap(m));
        assertEquals(CsvOptions.defaults().withHeader(CsvOptions.Header.AUTO).withDelimiter('\t'),
                CsvOptions.fromMap(Map.of("header", "auto", "sep", "\\t")));
        assertEquals(CsvOptions.defaults().withMaxRejectsFraction(0.1), CsvOptions.fromMap(Map.of("max_rejects", 0.1)));
    }

    @Test
    void anUnknownNameListsTheKnownOnesWithADidYouMean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.fromMap(Map.of("delimeter", ",")));
        assertTrue(e.getMessage().startsWith("read_csv option delimeter = ',': unknown read_csv option 'delimeter';"
                + " did you mean 'delimiter'? Known options: all_varchar, "), e.getMessage());
    }

    @Test
    void aBadValueNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.fromMap(Map.of("delim", "||")));
        assertEquals("read_csv option delim = '||': expected a single character, got 2 characters", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvOptions.fromMap(Map.of("types", Map.of("a", "NUMBERZ"))));
        assertTrue(e.getMessage().startsWith("read_csv option types = {a=NUMBERZ}: unknown type 'NUMBERZ' for column 'a'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvOptions.fromMap(Map.of("header", 7L)));
        assertEquals("read_csv option header = 7: expected true or false", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvOptions.fromMap(Map.of("encoding", "ebcdic")));
        assertTrue(e.getMessage().contains("unknown encoding 'ebcdic'"), e.getMessage());
    }
}
