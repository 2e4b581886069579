package dev.floe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.Floe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code floe sql} in batch: -e, -f, standard input, the output formats, errors and exit statuses. */
class SqlBatchTest {
    @TempDir
    Path dir;
    String people;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void writeData() throws Exception {
        Path p = dir.resolve("people.csv");
        Files.writeString(p, "id,name,score\n1,alice,1.5\n2,\"bob \"\"the\"\" builder\",\n3,carol|x,-2.0\n");
        people = "'" + p + "'";
    }

    @AfterEach
    void noLeaks() {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory());
        assertEquals(java.util.List.of(), Floe.rootAllocator().getChildAllocators().stream()
                .map(org.apache.arrow.memory.BufferAllocator::getName).toList(), "allocators left open");
    }

    static Run floe(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachStatementOfEPrintsItsResultInTurn() {
        Run r = floe("", "sql", "--format", "csv", "-e",
                "CREATE VIEW p AS SELECT * FROM " + people + "; SELECT id FROM p WHERE id < 3 ORDER BY id; "
                        + "SELECT count(*) AS n FROM p;");
        assertEquals(0, r.status(), r.err());
        assertEquals("id\n1\n2\nn\n3\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void theFooterCountsRejectsAndSaysWhereTheyAre() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,v\n1,10\n2,oops\n3,x3\n");
        String types = ", types = {'v': 'BIGINT'}";
        Run counted = floe("", "sql", "-e", "SELECT count(*) FROM read_csv('" + bad + "'" + types + ", ignore_errors = true)");
        assertEquals(0, counted.status(), counted.err());
        assertTrue(counted.out().contains("; 2 rows rejected by the reader (store_rejects = true keeps them)"),
                counted.out());
        Run stored = floe("", "sql", "-e", "SELECT count(*) FROM read_csv('" + bad + "'" + types
                + ", store_rejects = true); SELECT line, csv_line FROM reject_errors ORDER BY line");
        assertEquals(0, stored.status(), stored.err());
        assertTrue(stored.out().contains("; 2 rows rejected by the reader (SELECT * FROM reject_errors)"), stored.out());
        assertTrue(Pattern.compile("\\b3\\s*│\\s*2,oops\\s*│[\\s\\S]*\\b4\\s*│\\s*3,x3\\s*│").matcher(stored.out()).find(),
                stored.out());
    }

    @Test
    void theFooterCountsInvalidUtf8Replacements() throws Exception {
        Path bad = dir.resolve("latin.csv");
        Files.write(bad, new byte[] {'i', 'd', ',', 'n', '\n', '1', ',', (byte) 0xFF, '\n', '2', ',', 'a', (byte) 0xFE,
                'b', (byte) 0xFF, '\n', '3', ',', 'c', '\n'});
        // count(n), not count(*): a column no one reads is not converted, so nothing in it is replaced
        Run r = floe("", "sql", "-e", "SELECT count(n) FROM read_csv('" + bad + "', types = {'n': 'VARCHAR'},"
                + " replace_invalid_utf8 = true)");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("; 3 invalid UTF-8 sequences replaced\n"), r.out());
        Run strict = floe("", "sql", "-e", "SELECT count(n) FROM read_csv('" + bad + "', types = {'n': 'VARCHAR'})");
        assertTrue(strict.err().contains("invalid UTF-8 at byte offset 7"), strict.err());
    }

    @Test
    void scriptFileAndStandardInput() throws Exception {
        Path script = dir.resolve("q.sql");
        Files.writeString(script, "-- totals\nSELECT sum(id) AS s\nFROM " + people + ";\n");
        Run f = floe("", "sql", "--format", "csv", "-f", script.toString());
        assertEquals(0, f.status(), f.err());
        assertEquals("s\n6\n", f.out());
        Run stdin = floe("SELECT max(id) AS m FROM " + people + ";\nSELECT min(id) AS m FROM " + people + ";\n",
                "sql", "--format", "csv");
        assertEquals(0, stdin.status(), stdin.err());
        assertEquals("m\n3\nm\n1\n", stdin.out());
    }

    @Test
    void theFirstErrorStopsTheRunUnlessContinueOnError() {
        String script = "SELECT 1 AS x FROM " + people + " LIMIT 1; SELECT nope FROM " + people + "; SELECT 2 AS y FROM "
                + people + " LIMIT 1;";
        Run stop = floe("", "sql", "--format", "csv", "-e", script);
        assertEquals(1, stop.status());
        assertEquals("x\n1\n", stop.out());
        assertTrue(stop.err().startsWith("Error: "), stop.err());
        assertTrue(stop.err().contains("nope"), stop.err());

        Run go = floe("", "sql", "--continue-on-error", "--format", "csv", "-e", script);
        assertEquals(1, go.status());
        assertEquals("x\n1\ny\n2\n", go.out());
    }

    @Test
    void syntaxErrorsPointIntoTheScript() {
        Run r = floe("", "sql", "-e", "SELECT id FROM " + people + ";\nSELECT id,\n  FROM x;");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("line 3, column 3: expected an expression after ',', found 'FROM'\n  FROM x;\n  ^"),
                r.err());
    }

    @Test
    void jsonIsOneArrayOfObjectsAsDuckDbPrintsIt() {
        Run r = floe("", "sql", "--format", "json", "-e", "SELECT id, name, score FROM " + people + " ORDER BY id");
        assertEquals(0, r.status(), r.err());
        assertEquals("[{\"id\":1,\"name\":\"alice\",\"score\":1.5},\n"
                + "{\"id\":2,\"name\":\"bob \\\"the\\\" builder\",\"score\":null},\n"
                + "{\"id\":3,\"name\":\"carol|x\",\"score\":-2.0}]\n", r.out());
    }

    @Test
    void decimalsAreExactJsonNumbersAndRightAlignedInTables() {
        String query = "SELECT id, CAST(score AS DECIMAL(20,3)) AS d FROM " + people + " ORDER BY id";
        Run json = floe("", "sql", "--format", "json", "-e", query);
        assertEquals(0, json.status(), json.err());
        assertEquals("[{\"id\":1,\"d\":1.500},\n{\"id\":2,\"d\":null},\n{\"id\":3,\"d\":-2.000}]\n", json.out());
        Run markdown = floe("", "sql", "--format", "markdown", "-e", query);
        assertEquals("| id | d |\n|---:|---:|\n| 1 | 1.500 |\n| 2 | NULL |\n| 3 | -2.000 |\n", markdown.out());
        Run csv = floe("", "sql", "--format", "csv", "-e", query);
        assertEquals("id,d\n1,1.500\n2,\n3,-2.000\n", csv.out());
    }

    @Test
    void markdownIsAGitHubTable() {
        Run r = floe("", "sql", "--format", "markdown", "-e", "SELECT id, name, score FROM " + people + " ORDER BY id");
        assertEquals(0, r.status(), r.err());
        assertEquals("| id | name | score |\n|---:|---|---:|\n| 1 | alice | 1.5 |\n| 2 | bob \"the\" builder | NULL |\n"
                + "| 3 | carol\\|x | -2.0 |\n", r.out());
    }

    @Test
    void tableFormatHasTypesAndAFooterAndShortensLongResults() throws Exception {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(dir.resolve("n.csv"), csv);
        Run r = floe("", "sql", "-e", "SELECT n FROM '" + dir.resolve("n.csv") + "' ORDER BY n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("│ bigint │"), r.out());
        assertTrue(r.out().contains("│      0 │") && r.out().contains("│     99 │"), r.out());
        assertFalse(r.out().contains("│     50 │"), r.out());
        assertTrue(Pattern.compile("\n100 rows \\(40 shown, 60 left out\\) in \\d+\\.\\d{3} s\n$").matcher(r.out()).find(),
                r.out());

        Run m = floe("", "sql", "-e", "CREATE VIEW v AS SELECT * FROM " + people);
        assertEquals("Created view v (3 columns)\n", m.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run r = floe("", "sql", "--format", "yaml", "-e", "SELECT 1");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--format must be one of table, csv, json, markdown, got 'yaml'"), r.err());
    }
}
