package dev.floe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.FloeType;
import dev.floe.expressions.Temporal;
import dev.floe.expressions.Values;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The independent check of the golden files: every {@code query} block's expected rows (written by hand)
 * must also be what DuckDB answers for the same SQL, and every {@code statement ok} must run in DuckDB.
 * Blocks flagged {@code floe-only} (Floe's own statements: SET block_size, COPY, SHOW TABLES, EXPLAIN...)
 * and {@code statement error} blocks are skipped. So a wrong hand-written answer fails here, and a
 * Floe answer that differs from it fails {@link GoldenSqlTest}.
 */
class GoldenDuckDbOracleTest {

    @TestFactory
    Stream<DynamicNode> duckDbAgreesWithTheGoldenFiles() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : GoldenSqlTest.files()) {
            List<Object> items = GoldenFile.parse(Files.readString(file, StandardCharsets.UTF_8));
            Oracle oracle = new Oracle();
            List<DynamicNode> tests = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof GoldenFile.Block b && !b.flags().contains("floe-only")
                        && !b.kind().equals("statement error")) {
                    tests.add(DynamicTest.dynamicTest("line " + b.line(), () -> oracle.check(file, b)));
                }
            }
            tests.add(DynamicTest.dynamicTest("close", oracle::close));
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    static final class Oracle implements AutoCloseable {
        private final Connection connection;
        private final GoldenSqlTest.Runner paths;

        Oracle() throws Exception {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            paths = new GoldenSqlTest.Runner();
        }

        void check(Path file, GoldenFile.Block b) throws SQLException {
            String where = file.getFileName() + ":" + b.line();
            String sql = paths.substitute(b.sql());
            try (Statement s = connection.createStatement()) {
                if (b.kind().equals("statement ok")) {
                    s.execute(sql);
                    return;
                }
                assertTrue(s.execute(sql), where + ": DuckDB returned no rows");
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int c = 1; c <= n; c++) {
                            if (c > 1) {
                                sb.append('\t');
                            }
                            sb.append(cell(rs, c));
                        }
                        rows.add(sb.toString());
                    }
                }
                if (b.flags().contains("rowsort")) {
                    rows.sort(null);
                }
                assertEquals(b.expected(), String.join("\n", rows), where + " (DuckDB's answer)");
            }
        }

        private static String cell(ResultSet rs, int c) throws SQLException {
            Object v = rs.getObject(c);
            if (v == null) {
                return "NULL";
            }
            if (v instanceof Double || v instanceof Float) {
                return Values.formatDouble(((Number) v).doubleValue());
            }
            if (v instanceof java.math.BigDecimal d) {
                return d.toPlainString();
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v instanceof java.sql.Timestamp ts) {
                return Values.format(FloeType.TIMESTAMP, Temporal.toMicros(ts.toLocalDateTime()));
            }
            if (v instanceof java.time.LocalDateTime ldt) {
                return Values.format(FloeType.TIMESTAMP, Temporal.toMicros(ldt));
            }
            String s = rs.getString(c);
            return s.isEmpty() ? "(empty)" : s;
        }

        @Override
        public void close() throws Exception {
            connection.close();
            paths.close();
        }
    }
}
