package dev.floe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.floe.dataframe.Floe;
import dev.floe.dataframe.Table;
import dev.floe.expressions.Values;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/golden/*.sql} file ({@link GoldenFile}) through a fresh
 * {@link SqlSession}: one dynamic test per block, in order. The expected rows were written by hand over
 * the small fixtures in {@code golden/data} (and checked against DuckDB by {@link GoldenDuckDbOracleTest}).
 *
 * <p>{@code -Dgolden.update=true} rewrites the files with what Floe answers now: review the diff, never
 * accept it blindly. {@code -Dgolden.only=prefix} runs (or rewrites) only the files whose names start so.
 */
class GoldenSqlTest {
    static final Path SOURCE_DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @AfterAll
    static void noLeaks() {
        assertEquals(0, Floe.rootAllocator().getAllocatedMemory(), "Arrow memory leaked");
        assertEquals(java.util.List.of(), Floe.rootAllocator().getChildAllocators().stream()
                .map(org.apache.arrow.memory.BufferAllocator::getName).toList(), "allocators left open");
    }

    static Path dataDir() {
        try {
            return Path.of(GoldenSqlTest.class.getResource("/golden/data").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files() throws IOException {
        Path dir = dataDir().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            String only = System.getProperty("golden.only", "");
            return s.filter(p -> p.toString().endsWith(".sql") && p.getFileName().toString().startsWith(only))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> goldenFiles() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files()) {
            nodes.add(UPDATE ? update(file) : container(file));
        }
        return nodes.stream();
    }

    private static DynamicContainer container(Path file) throws IOException {
        List<Object> items = GoldenFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        Runner runner = new Runner();
        List<DynamicNode> tests = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof GoldenFile.Block b) {
                tests.add(DynamicTest.dynamicTest("line " + b.line() + ": " + b.sql().lines().findFirst().orElse(""),
                        () -> runner.check(file, b)));
            }
        }
        tests.add(DynamicTest.dynamicTest("close session", runner::close));
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
    }

    /** Runs the file and rewrites its source copy with the answers. */
    private static DynamicNode update(Path file) {
        return DynamicTest.dynamicTest(file.getFileName() + " (update)", () -> {
            List<Object> items = GoldenFile.parse(Files.readString(file, StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            try (Runner runner = new Runner()) {
                Object previous = null;
                for (Object item : items) {
                    if (previous != null) {
                        out.append(previous instanceof GoldenFile.Comment && item instanceof GoldenFile.Comment ? "" : "\n");
                    }
                    if (item instanceof GoldenFile.Comment c) {
                        out.append(c.text()).append('\n');
                    } else {
                        GoldenFile.Block b = (GoldenFile.Block) item;
                        Outcome o = runner.run(b.sql());
                        String actual = b.kind().equals("statement ok") ? null
                                : b.kind().equals("statement error") ? (o.error() == null ? "(no error)" : o.error())
                                : (o.error() != null ? "ERROR: " + o.error() : o.text(b.flags().contains("rowsort")));
                        out.append(b.render(actual));
                    }
                    previous = item;
                }
            }
            Files.writeString(SOURCE_DIR.resolve(file.getFileName()), out.toString(), StandardCharsets.UTF_8);
        });
    }

    /** What a statement gave: rows or text, or an error message. */
    record Outcome(List<String> rows, String error) {
        String text(boolean sort) {
            List<String> r = new ArrayList<>(rows);
            if (sort) {
                r.sort(null);
            }
            return String.join("\n", r);
        }
    }

    /** One session over the fixtures, with ${data} and ${tmp} substituted. */
    static final class Runner implements AutoCloseable {
        final SqlSession session = new SqlSession();
        final Path data = dataDir();
        final Path tmp;

        Runner() throws IOException {
            tmp = Files.createTempDirectory("floe-golden");
        }

        String substitute(String sql) {
            return sql.replace("${data}", data.toString()).replace("${tmp}", tmp.toString());
        }

        String unsubstitute(String text) {
            return text.replace(data.toString(), "${data}").replace(tmp.toString(), "${tmp}");
        }

        Outcome run(String sql) {
            try {
                List<Statement> statements = SqlParser.parseStatements(substitute(sql));
                List<String> rows = new ArrayList<>();
                for (Statement s : statements) {
                    try (SqlResult r = session.execute(s)) {
                        rows.clear();
                        rows.addAll(lines(r));
                    }
                }
                return new Outcome(rows.stream().map(this::unsubstitute).toList(), null);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return new Outcome(List.of(), unsubstitute(message));
            }
        }

        void check(Path file, GoldenFile.Block b) {
            Outcome o = run(b.sql());
            String where = file.getFileName() + ":" + b.line();
            switch (b.kind()) {
                case "statement ok" -> {
                    if (o.error() != null) {
                        fail(where + ": statement failed: " + o.error());
                    }
                }
                case "statement error" -> {
                    if (o.error() == null) {
                        fail(where + ": statement should have failed with: " + b.expected());
                    }
                    assertTrue(b.hasExpected(), where + ": statement error needs the expected message after ----");
                    assertTrue(o.error().contains(b.expected()), where + ": error message\n" + o.error()
                            + "\ndoes not contain\n" + b.expected());
                }
                default -> {
                    if (o.error() != null) {
                        fail(where + ": query failed: " + o.error());
                    }
                    assertEquals(b.expected(), o.text(b.flags().contains("rowsort")), where);
                }
            }
        }

        @Override
        public void close() throws IOException {
            session.close();
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A result as lines: rows tab-separated (NULL; (empty) for ''), or the text of a message or EXPLAIN. */
    static List<String> lines(SqlResult r) {
        if (r instanceof SqlResult.Text t) {
            return t.text().lines().toList();
        }
        if (r instanceof SqlResult.Message m) {
            return List.of(m.text());
        }
        Table t = ((SqlResult.Rows) r).table();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < t.columnCount(); c++) {
                if (c > 0) {
                    sb.append('\t');
                }
                Object v = t.get(i, c);
                String s = v == null ? "NULL" : Values.format(t.schema().field(c).type(), v);
                sb.append(v != null && s.isEmpty() ? "(empty)" : s);
            }
            rows.add(sb.toString());
        }
        return rows;
    }
}
