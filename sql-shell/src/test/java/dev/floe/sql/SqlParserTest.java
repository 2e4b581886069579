package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.min;
import static dev.floe.expressions.Expressions.sum;
import static dev.floe.sql.SqlParser.parse;
import static dev.floe.sql.SqlParser.parseExpression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.expressions.Expr;
import dev.floe.expressions.FloeType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    private static void assertExpr(Expr expected, String sql) {
        assertEquals(expected, parseExpression(sql), sql);
    }

    // ---- precedence and associativity ----

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertExpr(col("a").add(col("b").mul(col("c"))), "a + b * c");
        assertExpr(col("a").mul(col("b")).add(col("c")), "a * b + c");
        assertExpr(col("a").sub(col("b").div(col("c"))).add(col("d").mod(2)), "a - b / c + d % 2");
        assertExpr(col("a").add(col("b")).mul(col("c")), "(a + b) * c");
    }

    @Test
    void binaryOperatorsAssociateToTheLeft() {
        assertExpr(col("a").sub(col("b")).sub(col("c")), "a - b - c");
        assertExpr(col("a").div(col("b")).div(col("c")), "a / b / c");
        assertExpr(col("a").lt(col("b")).eq(col("c")), "a < b = c");
        assertExpr(col("a").or(col("b")).or(col("c")), "a OR b OR c");
        assertExpr(col("a").sub(col("b").sub(col("c"))), "a - (b - c)");
    }

    @Test
    void comparisonBindsTighterThanNotThanAndThanOr() {
        assertExpr(col("a").eq(1).or(col("b").eq(2).and(col("c").eq(3))), "a = 1 OR b = 2 AND c = 3");
        assertExpr(col("a").add(1).gt(col("b").mul(2)), "a + 1 > b * 2");
        assertExpr(col("a").eq(col("b")).not(), "NOT a = b");
        assertExpr(col("a").not().and(col("b")), "NOT a AND b");
        assertExpr(col("a").and(col("b").not()), "a AND NOT b");
        assertExpr(col("a").not().not(), "NOT NOT a");
        assertExpr(col("a").or(col("b")).not(), "NOT (a OR b)");
    }

    @Test
    void everyComparisonOperator() {
        assertExpr(col("a").eq(1), "a = 1");
        assertExpr(col("a").ne(1), "a <> 1");
        assertExpr(col("a").ne(1), "a != 1");
        assertExpr(col("a").lt(1), "a < 1");
        assertExpr(col("a").le(1), "a <= 1");
        assertExpr(col("a").gt(1), "a > 1");
        assertExpr(col("a").ge(1), "a >= 1");
    }

    @Test
    void isNullIsPostfixAtComparisonLevel() {
        assertExpr(col("a").add(1).isNull(), "a + 1 IS NULL");
        assertExpr(col("a").isNotNull().and(col("b").isNull()), "a IS NOT NULL AND b is null");
        assertExpr(col("a").isNull().not(), "NOT a IS NULL");
        assertExpr(col("a").eq(col("b")).isNull(), "a = b IS NULL");
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertExpr(col("a").negate().mul(col("b")), "-a * b");
        assertExpr(col("a").sub(col("b").negate()), "a - -b");
        assertExpr(col("a").add(col("b")).negate(), "-(a + b)");
        assertExpr(col("a").negate().negate(), "- -a");
    }

    // ---- literals ----

    @Test
    void numbers() {
        assertExpr(lit(42L), "42");
        // a number with a point is an exact DECIMAL of its digits, as in DuckDB and Spark; with an exponent, a DOUBLE
        assertExpr(lit(new java.math.BigDecimal("1.5")), "1.5");
        assertExpr(lit(new java.math.BigDecimal("0.5")), ".5");
        assertExpr(lit(1000.0), "1e3");
        assertExpr(lit(2.5e-4), "2.5E-4");
        assertExpr(lit(new java.math.BigDecimal("7")), "7.");
        assertEquals(FloeType.INT64, ((dev.floe.expressions.Literal) parseExpression("1")).type());
        assertEquals(FloeType.decimal(2, 1), ((dev.floe.expressions.Literal) parseExpression("1.0")).type());
        assertEquals(FloeType.decimal(4, 2), ((dev.floe.expressions.Literal) parseExpression("12.50")).type());
        assertEquals(FloeType.FLOAT64, ((dev.floe.expressions.Literal) parseExpression("1.0e0")).type());
        // past 38 digits a number with a point is a DOUBLE
        assertEquals(FloeType.FLOAT64, ((dev.floe.expressions.Literal)
                parseExpression("1234567890123456789012345678901234567890.5")).type());
    }

    @Test
    void minusBeforeANumberMakesANegativeLiteral() {
        assertExpr(lit(-1L), "-1");
        assertExpr(lit(new java.math.BigDecimal("-2.5")), "- 2.5");
        assertExpr(lit(Long.MIN_VALUE), "-9223372036854775808");
        assertExpr(col("a").sub(lit(-1L)), "a - -1");
        assertExpr(lit(-2L).mul(3), "-2 * 3");
    }

    @Test
    void stringsBooleansAndNull() {
        assertExpr(lit("it's"), "'it''s'");
        assertExpr(lit(""), "''");
        assertExpr(lit(true), "TRUE");
        assertExpr(lit(false), "false");
        assertExpr(lit(null), "NULL");
        assertExpr(col("a").eq("x").and(col("b").eq(true)), "a = 'x' AND b = true");
    }

    @Test
    void typedDateAndTimestampLiterals() {
        assertExpr(lit(LocalDate.of(2024, 1, 31)), "DATE '2024-01-31'");
        assertExpr(lit(LocalDateTime.of(2024, 1, 31, 12, 30, 5)), "timestamp '2024-01-31 12:30:05'");
        assertExpr(lit(LocalDateTime.of(2024, 1, 31, 0, 0)), "TIMESTAMP '2024-01-31'");
        assertExpr(col("timestamp").ge(lit(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000))),
                "timestamp >= TIMESTAMP '2024-01-01 00:00:00.5'");
    }

    // ---- names ----

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedNamesKeepIt() {
        assertExpr(col("value"), "Value");
        assertExpr(col("Value"), "\"Value\"");
        assertExpr(col("select"), "\"select\"");
        assertExpr(col("a \"b\""), "\"a \"\"b\"\"\"");
        assertExpr(col("timestamp"), "timestamp");
    }

    @Test
    void qualifiedColumnsKeepTheQualifierInTheName() {
        assertExpr(col("t.value"), "t.value");
        assertExpr(col("T.Value").add(1), "\"T\".\"Value\" + 1");
    }

    // ---- functions ----

    @Test
    void datePartFunctions() {
        assertExpr(col("timestamp").dt().hour(), "hour(timestamp)");
        assertExpr(col("ts").dt().year(), "YEAR(ts)");
        assertExpr(col("ts").dt().month(), "month(ts)");
        assertExpr(col("ts").dt().day(), "Day(ts)");
        assertExpr(col("ts").dt().minute(), "minute(ts)");
        assertExpr(col("ts").dt().second(), "second(ts)");
        assertExpr(col("ts").dt().hour().add(1), "hour(ts) + 1");
    }

    @Test
    void aggregateFunctions() {
        assertExpr(countStar(), "count(*)");
        assertExpr(countStar(), "COUNT ( * )");
        assertExpr(countStar(), "count_star()");
        assertExpr(count(col("x")), "count(x)");
        assertExpr(sum(col("x")), "SUM(x)");
        assertExpr(mean(col("x")), "avg(x)");
        assertExpr(mean(col("x")), "mean(x)");
        assertExpr(min(col("x")), "min(x)");
        assertExpr(max(col("x").mul(2)), "max(x * 2)");
        assertExpr(sum(col("x")).div(count(col("x"))), "sum(x) / count(x)");
    }

    @Test
    void cast() {
        assertExpr(col("x").cast(FloeType.FLOAT64), "CAST(x AS double)");
        assertExpr(col("x").add(1).cast(FloeType.STRING), "cast(x + 1 as VARCHAR)");
        assertExpr(col("s").cast(FloeType.TIMESTAMP), "CAST(s AS timestamp)");
        assertExpr(col("x").cast(FloeType.INT64), "CAST(x AS integer)");
        assertExpr(col("x").cast(FloeType.decimal(18, 4)), "CAST(x AS DECIMAL(18, 4))");
        assertExpr(col("x").cast(FloeType.decimal(9, 0)), "cast(x as numeric(9))");
        assertExpr(col("x").cast(FloeType.decimal(18, 3)), "CAST(x AS decimal)");
        assertExpr(col("x").cast(FloeType.decimal(10, 2)), "x::DECIMAL(10,2)");
        assertExpr(lit("42").cast(FloeType.INT64).cast(FloeType.STRING), "'42'::BIGINT::VARCHAR");
        assertExpr(col("x").add(col("y").cast(FloeType.FLOAT64)), "x + y::double");
    }

    // ---- statements ----

    @Test
    void theCanonicalQuery() {
        SelectStatement s = parse("SELECT hour(timestamp) AS hour, avg(value) FROM read_csv('hdfs:///logs/part-*.csv')\n"
                + "GROUP BY hour ORDER BY hour;");
        assertEquals(new SelectStatement(
                List.of(SelectItem.of(col("timestamp").dt().hour(), "hour"), SelectItem.of(mean(col("value")))),
                new Source.ReadCsv("hdfs:///logs/part-*.csv", Map.of()),
                null,
                List.of(col("hour")),
                List.of(new OrderItem(col("hour"), true)),
                null), s);
    }

    @Test
    void everyClause() {
        SelectStatement s = parse("select *, a b, c + 1 as \"C\" from 'data/*.csv' t "
                + "where a > 0.5 and t.b = 'x' group by a, b order by a desc, b asc, c limit 10");
        assertEquals(new SelectStatement(
                List.of(SelectItem.star(), SelectItem.of(col("a"), "b"), SelectItem.of(col("c").add(1), "C")),
                new Source.Aliased(new Source.ReadCsv("data/*.csv", Map.of()), "t"),
                col("a").gt(lit(new java.math.BigDecimal("0.5"))).and(col("t.b").eq("x")),
                List.of(col("a"), col("b")),
                List.of(new OrderItem(col("a"), false), new OrderItem(col("b"), true), new OrderItem(col("c"), true)),
                10L), s);
    }

    @Test
    void readCsvOptions() {
        assertEquals(new Source.ReadCsv("x/*.csv", Map.of("header", false, "delim", ";")),
                parse("SELECT * FROM read_csv('x/*.csv', header = false, DELIM = ';')").from());
        assertEquals(new Source.Aliased(new Source.ReadCsv("x.tsv", Map.of("delim", "\t")), "t"),
                parse("SELECT * FROM read_csv('x.tsv', delim = '\\t') AS t").from());
        assertEquals(List.of("header", "delim"), List.copyOf(((Source.ReadCsv) parse(
                "SELECT * FROM read_csv('x', header = true, delim = '|')").from()).options().keySet()));
    }

    @Test
    void commentsAndLayoutDoNotMatter() {
        SelectStatement expected = parse("SELECT a FROM 'x.csv' WHERE a = 1");
        assertEquals(expected, parse("-- the query\nselect /* just */ a\n  from 'x.csv'\n  where a = 1 -- done\n;"));
        assertEquals(expected, parse("SeLeCt A fRoM 'x.csv' wHeRe A=1;"));
    }

    @Test
    void printedStatementsParseBackToTheSame() {
        for (String sql : List.of(
                "SELECT hour(timestamp) AS hour, avg(value) FROM read_csv('a''b/*.csv', header = true, delim = '\\t') "
                        + "GROUP BY hour ORDER BY hour DESC LIMIT 3",
                "SELECT *, -a, - -1, -9223372036854775808, \"Mixed Case\" AS \"select\", CAST(b AS DATE) FROM 'x' "
                        + "WHERE NOT (a IS NULL OR b <> 'it''s') AND c >= TIMESTAMP '2024-01-02 03:04:05.25'",
                "SELECT count(*), sum(x) / count(x), 1.5e300, DATE '1969-12-31' FROM 'x' WHERE x % 2 = 0")) {
            SelectStatement s = parse(sql);
            assertEquals(s, parse(s.toSql()), s.toSql());
        }
    }

    // ---- errors ----

    private static void assertSyntaxError(String sql, String message) {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> parse(sql));
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingExpressionAtTheEnd() {
        assertSyntaxError("SELECT * FROM 'x.csv' WHERE",
                "line 1, column 28: expected an expression after 'WHERE', found end of input\n"
                        + "SELECT * FROM 'x.csv' WHERE\n"
                        + "                           ^");
    }

    @Test
    void errorOnALaterLinePointsIntoThatLine() {
        assertSyntaxError("SELECT a,\n       b +\nFROM 'x.csv'",
                "line 3, column 1: expected an expression after '+', found 'FROM'\n"
                        + "FROM 'x.csv'\n"
                        + "^");
        assertSyntaxError("SELECT a\n\tFROM 'x' GROUP a",
                "line 2, column 17: expected BY after 'GROUP', found 'a'\n"
                        + "\tFROM 'x' GROUP a\n"
                        + "\t               ^");
    }

    @Test
    void unknownFunctionSuggestsTheNearestName() {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> parse("SELECT houre(timestamp) FROM 'x.csv'"));
        assertEquals(1, e.line());
        assertEquals(8, e.column());
        assertTrue(e.detail().startsWith("unknown function 'houre'; did you mean 'hour'? Functions: abs, avg, "), e.detail());
        assertTrue(e.getMessage().endsWith("\nSELECT houre(timestamp) FROM 'x.csv'\n       ^"), e.getMessage());
        e = assertThrows(SqlSyntaxException.class, () -> parse("SELECT frobnicate(x) FROM 'x'"));
        assertTrue(e.detail().startsWith("unknown function 'frobnicate'. Functions: abs, avg, "), e.detail());
        for (String f : SqlFunctions.names()) {
            assertTrue(f.equals("extract") || e.detail().contains(" " + f), f);
        }
    }

    @Test
    void whatMayComeNext() {
        assertSyntaxError("SELECT a b c FROM 'x'",
                "line 1, column 12: expected ',' or FROM after 'b', found 'c'\n"
                        + "SELECT a b c FROM 'x'\n"
                        + "           ^");
        assertSyntaxError("SELECT a FROM 'x' ORDER BY a foo",
                "line 1, column 30: expected LIMIT, OFFSET, ';' or end of input after 'a', found 'foo'\n"
                        + "SELECT a FROM 'x' ORDER BY a foo\n"
                        + "                             ^");
        assertSyntaxError("SELECT a FROM 'x' wher a = 1",
                "line 1, column 24: expected JOIN, WHERE, GROUP BY, HAVING, UNION ALL, ORDER BY, LIMIT, OFFSET, ';' or end of input after 'wher', found 'a'\n"
                        + "SELECT a FROM 'x' wher a = 1\n"
                        + "                       ^");
        assertSyntaxError("SELECT a FROM 'x'; SELECT b FROM 'y'",
                "line 1, column 20: expected end of input (one statement at a time) after ';', found 'SELECT'\n"
                        + "SELECT a FROM 'x'; SELECT b FROM 'y'\n"
                        + "                   ^");
        assertSyntaxError("", "line 1, column 1: expected SELECT, found end of input\n\n^");
    }

    @Test
    void fromNeedsReadCsvOrAPath() {
        assertSyntaxError("SELECT a FROM 42",
                "line 1, column 15: expected read_csv('path'), a quoted path such as 'data/*.csv', a view or table "
                        + "name, or (SELECT ...) after 'FROM', found '42'\n"
                        + "SELECT a FROM 42\n"
                        + "              ^");
        assertSyntaxError("SELECT a FROM read_csv(x)",
                "line 1, column 24: expected the path or glob to read, as a string: read_csv('data/*.csv') after '(', "
                        + "found 'x'\n"
                        + "SELECT a FROM read_csv(x)\n"
                        + "                       ^");
    }

    @Test
    void readCsvOptionsAreChecked() {
        // The option names and values are io's (CsvOptions.fromMap, DuckDB's names); the parser points at them.
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> parse("SELECT a FROM read_csv('x', hedaer = true)"));
        assertEquals(29, e.column());
        assertTrue(e.detail().startsWith("unknown read_csv option 'hedaer'; did you mean 'header'? Known options: "), e.detail());
        e = assertThrows(SqlSyntaxException.class, () -> parse("SELECT a FROM read_csv('x', delim = ';;')"));
        assertEquals(37, e.column());
        assertTrue(e.detail().startsWith("read_csv option delim = "), e.detail());
        assertSyntaxError("SELECT a FROM read_csv('x', header = true, header = false)",
                "line 1, column 44: read_csv option 'header' is given twice\n"
                        + "SELECT a FROM read_csv('x', header = true, header = false)\n"
                        + "                                           ^");
        assertSyntaxError("SELECT a FROM read_csv('x', header true)",
                "line 1, column 36: expected '=' after 'header', found 'true'\n"
                        + "SELECT a FROM read_csv('x', header true)\n"
                        + "                                   ^");
    }

    @Test
    void readCsvOptionValuesMayBeListsAndMaps() {
        Source.ReadCsv csv = (Source.ReadCsv) parse("SELECT * FROM read_csv('x', types = {'zip': 'VARCHAR', id: 'BIGINT'}, "
                + "nullstr = ['NA', ''], header = auto, ignore_errors = true)").from();
        assertEquals(Map.of("zip", "VARCHAR", "id", "BIGINT"), csv.options().get("types"));
        assertEquals(List.of("NA", ""), csv.options().get("nullstr"));
        assertEquals("auto", csv.options().get("header"));
        assertEquals(true, csv.options().get("ignore_errors"));
        assertEquals(csv, parse("SELECT * FROM " + csv.toSql()).from());
    }

    @Test
    void aggregatesAreCheckedWhereTheyAppear() {
        assertSyntaxError("SELECT a FROM 'x' WHERE sum(a) > 1",
                "line 1, column 25: aggregate functions are not allowed in WHERE\n"
                        + "SELECT a FROM 'x' WHERE sum(a) > 1\n"
                        + "                        ^");
        assertSyntaxError("SELECT a FROM 'x' GROUP BY a, count(*)",
                "line 1, column 31: aggregate functions are not allowed in GROUP BY\n"
                        + "SELECT a FROM 'x' GROUP BY a, count(*)\n"
                        + "                              ^");
        assertSyntaxError("SELECT avg(1 + max(a)) FROM 'x'",
                "line 1, column 16: aggregate max() cannot be used inside the aggregate avg()\n"
                        + "SELECT avg(1 + max(a)) FROM 'x'\n"
                        + "               ^");
        assertSyntaxError("SELECT sum(*) FROM 'x'",
                "line 1, column 12: only count accepts *; write sum(column)\n"
                        + "SELECT sum(*) FROM 'x'\n"
                        + "           ^");
    }

    @Test
    void functionArgumentsAndCasts() {
        assertSyntaxError("SELECT hour(a, b) FROM 'x'",
                "line 1, column 8: hour() takes 1 argument but got 2\n"
                        + "SELECT hour(a, b) FROM 'x'\n"
                        + "       ^");
        assertSyntaxError("SELECT CAST(a AS money) FROM 'x'",
                "line 1, column 18: unknown type 'money'; use one of BOOLEAN, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, TIMESTAMP, DATE\n"
                        + "SELECT CAST(a AS money) FROM 'x'\n"
                        + "                 ^");
        assertSyntaxError("SELECT CAST(a AS DECIMAL(40, 2)) FROM 'x'",
                "line 1, column 18: DECIMAL precision 40 is out of range: it is the number of digits in all and must be 1 to 38\n"
                        + "SELECT CAST(a AS DECIMAL(40, 2)) FROM 'x'\n"
                        + "                 ^");
        assertSyntaxError("SELECT CAST(a AS DECIMAL(4, 5)) FROM 'x'",
                "line 1, column 18: DECIMAL(4,5) has a scale outside 0 to 4: the scale is the number of digits after the point, "
                        + "at most the precision\n"
                        + "SELECT CAST(a AS DECIMAL(4, 5)) FROM 'x'\n"
                        + "                 ^");
        assertSyntaxError("SELECT a::DECIMAL(x) FROM 'x'",
                "line 1, column 19: expected a number of digits, as in DECIMAL(18, 4) after '(', found 'x'\n"
                        + "SELECT a::DECIMAL(x) FROM 'x'\n"
                        + "                  ^");
        assertSyntaxError("SELECT CAST(a, DOUBLE) FROM 'x'",
                "line 1, column 14: expected AS after 'a', found ','\n"
                        + "SELECT CAST(a, DOUBLE) FROM 'x'\n"
                        + "             ^");
        assertSyntaxError("SELECT (a + 1 FROM 'x'",
                "line 1, column 15: expected ')' after '1', found 'FROM'\n"
                        + "SELECT (a + 1 FROM 'x'\n"
                        + "              ^");
    }

    @Test
    void badLiterals() {
        assertSyntaxError("SELECT a FROM 'x' LIMIT -1",
                "line 1, column 25: expected a row count after 'LIMIT', found '-'\n"
                        + "SELECT a FROM 'x' LIMIT -1\n"
                        + "                        ^");
        // past BIGINT an integer is a DECIMAL(n,0), up to 38 digits
        assertEquals(FloeType.decimal(20, 0), ((dev.floe.expressions.Literal) parseExpression("99999999999999999999")).type());
        String digits39 = "1".repeat(39);
        assertSyntaxError("SELECT " + digits39 + " FROM 'x'",
                "line 1, column 8: integer " + digits39 + " has 39 digits, more than a DECIMAL holds (38); write it as "
                        + digits39 + "e0 for a DOUBLE\n"
                        + "SELECT " + digits39 + " FROM 'x'\n"
                        + "       ^");
        assertSyntaxError("SELECT a FROM 'x' WHERE a IS 5",
                "line 1, column 30: expected NULL or NOT NULL after 'IS', found '5'\n"
                        + "SELECT a FROM 'x' WHERE a IS 5\n"
                        + "                             ^");
        assertSyntaxError("SELECT a FROM 'x' WHERE t > TIMESTAMP '2024-13-01'",
                "line 1, column 39: cannot read '2024-13-01' as TIMESTAMP; write TIMESTAMP 'YYYY-MM-DD HH:MM:SS'\n"
                        + "SELECT a FROM 'x' WHERE t > TIMESTAMP '2024-13-01'\n"
                        + "                                      ^");
    }

    @Test
    void reservedWordsNeedQuotesToBeNames() {
        assertSyntaxError("SELECT select FROM 'x'",
                "line 1, column 8: expected an expression after 'SELECT', found 'select'\n"
                        + "SELECT select FROM 'x'\n"
                        + "       ^");
        assertEquals(SelectItem.of(col("order"), "from"), parse("SELECT \"order\" AS \"from\" FROM 'x'").items().get(0));
    }

    @Test
    void lexerErrorsSurfaceFromParse() {
        assertSyntaxError("SELECT 'abc FROM x",
                "line 1, column 8: unterminated string: the quote here has no closing quote\n"
                        + "SELECT 'abc FROM x\n"
                        + "       ^");
    }

    // ---- statements and the larger grammar ----

    @Test
    void scriptsSplitIntoStatements() {
        List<Statement> s = SqlParser.parseStatements("CREATE OR REPLACE VIEW v AS SELECT a FROM 'x';; SHOW TABLES;\n"
                + "SET threads = 4; DESCRIBE v; EXPLAIN ANALYZE SELECT * FROM v; DROP VIEW IF EXISTS v;"
                + "COPY (SELECT * FROM v) TO 'out.csv' (FORMAT csv, HEADER false); CREATE TABLE t AS SELECT 1 AS one FROM v");
        assertEquals(8, s.size());
        assertEquals(new Statement.CreateView("v", true, parse("SELECT a FROM 'x'")), s.get(0));
        assertEquals(new Statement.ShowTables(), s.get(1));
        assertEquals(new Statement.Set("threads", 4L), s.get(2));
        assertEquals(new Statement.Explain(true, parse("SELECT * FROM v")), s.get(4));
        assertEquals(new Statement.Drop("VIEW", "v", true), s.get(5));
        assertEquals(Map.of("format", "csv", "header", false), ((Statement.Copy) s.get(6)).options());
        for (Statement st : s) {
            assertEquals(st, SqlParser.parseStatements(st.toSql()).get(0), st.toSql());
        }
    }

    @Test
    void joinsSubqueriesCtesAndUnions() {
        Query q = SqlParser.parseQuery("WITH a AS (SELECT id FROM 'a.csv') SELECT a.id, b.x FROM a "
                + "LEFT OUTER JOIN (SELECT * FROM 'b.csv') AS b ON a.id = b.id SEMI JOIN c ON c.id = a.id "
                + "UNION ALL SELECT id, x FROM 'd.csv' ORDER BY 1 DESC NULLS LAST LIMIT 5 OFFSET 2");
        Query.With w = (Query.With) q;
        Query.UnionAll u = (Query.UnionAll) w.body();
        assertEquals(List.of(new OrderItem(lit(1L), false, false)), u.orderBy());
        assertEquals(5L, u.limit());
        assertEquals(2L, u.offset());
        Source.Join semi = (Source.Join) ((SelectStatement) u.parts().get(0)).from();
        assertEquals(Source.JoinKind.SEMI, semi.kind());
        Source.Join left = (Source.Join) semi.left();
        assertEquals(Source.JoinKind.LEFT, left.kind());
        assertEquals(col("a.id").eq(col("b.id")), left.on());
        assertEquals(q, SqlParser.parseQuery(q.toSql()), q.toSql());
    }

    @Test
    void outerCrossAndUsingJoinsQualifiedStarsSubqueriesAndNoFromPrintBack() {
        for (String sql : List.of(
                "SELECT a.*, b.x, * FROM 'a.csv' a RIGHT OUTER JOIN 'b.csv' b ON a.id = b.id FULL JOIN c USING (id, k)",
                "SELECT * FROM a, b CROSS JOIN c WHERE a.id = b.id",
                "SELECT x FROM t WHERE x IN (SELECT y FROM u WHERE y NOT IN (SELECT z FROM v)) OR EXISTS (SELECT * FROM w)",
                "SELECT 1 + 2 AS x, 'a' || 'b', hour(TIMESTAMP '2000-01-01 05:00:00')")) {
            SelectStatement s = parse(sql);
            assertEquals(s, parse(s.toSql()), s.toSql());
        }
        SelectStatement s = parse("SELECT t.*, 1 FROM t FULL JOIN u USING (k)");
        assertEquals(SelectItem.star("t"), s.items().get(0));
        Source.Join full = (Source.Join) s.from();
        assertEquals(Source.JoinKind.FULL, full.kind());
        assertEquals(List.of("k"), full.using());
        assertEquals(Source.JoinKind.CROSS, ((Source.Join) parse("SELECT * FROM a, b").from()).kind());
        assertEquals(null, parse("SELECT 1").from());
        SelectStatement in = parse("SELECT x FROM t WHERE x NOT IN (SELECT y FROM u)");
        assertEquals(new dev.floe.expressions.InList(col("x"), List.of(col("__subquery_1"))).not(), in.where());
        assertEquals(parse("SELECT y FROM u"), in.subqueries().get("__subquery_1"));
        assertExpr(lit("a").concat(lit(1L).add(2L)), "'a' || 1 + 2");
    }

    @Test
    void predicatesCaseAndCasts() {
        for (String sql : List.of(
                "SELECT DISTINCT a FROM 'x' WHERE a IN (1, 2) AND b NOT BETWEEN 1 AND 2 AND c LIKE 'a%' AND d NOT ILIKE '_b' "
                        + "GROUP BY a HAVING count(DISTINCT b) > 1",
                "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END, CASE a WHEN 1 THEN 2 END, TRY_CAST(a AS BIGINT), "
                        + "EXTRACT(hour FROM t), coalesce(a, b, 0), date_trunc('hour', t), stddev(a) FROM 'x'")) {
            SelectStatement s = parse(sql);
            assertEquals(s, parse(s.toSql()), s.toSql());
        }
        assertEquals(parse("SELECT hour(t) FROM 'x'"), parse("SELECT EXTRACT(HOUR FROM t) FROM 'x'"));
    }

    @Test
    void completeStatementsEndWithASemicolon() {
        assertTrue(SqlParser.isComplete("SELECT 1;"));
        assertTrue(SqlParser.isComplete("SELECT 1; -- done"));
        assertFalse(SqlParser.isComplete("SELECT 1"));
        assertFalse(SqlParser.isComplete("SELECT ';"));
        assertFalse(SqlParser.isComplete("SELECT 1 /* ; */"));
        assertFalse(SqlParser.isComplete(""));
    }
}
