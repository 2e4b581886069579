package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.max;
import static dev.floe.expressions.Expressions.mean;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.Floe;
import dev.floe.dataframe.SortKey;
import dev.floe.expressions.ColumnNames;
import dev.floe.expressions.PlanException;
import dev.floe.io.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL plans the same DataFrame the Java API builds: compared through {@code explain()}. */
class SqlPlannerTest {
    @TempDir
    static Path dir;
    static String path;

    @BeforeAll
    static void writeCsv() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "timestamp,value,name\n"
                + "2024-01-01 00:10:00,1.5,a\n"
                + "2024-01-01 01:20:00,2.5,b\n"
                + "2024-01-01 01:30:00,4.0,a\n");
        path = file.toString();
    }

    private static DataFrame csv() {
        return Floe.readCsv(path, CsvOptions.defaults());
    }

    private static void assertPlan(DataFrame expected, String sql) {
        assertEquals(expected.explain(), SqlPlanner.plan(sql.replace("$csv", "'" + path + "'")).explain(), sql);
    }

    private static void assertPlanError(String sql, String message) {
        PlanException e = assertThrows(PlanException.class, () -> SqlPlanner.plan(sql.replace("$csv", "'" + path + "'")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theCanonicalQuery() {
        assertPlan(csv().groupBy(col("timestamp").dt().hour().as("hour")).agg(mean(col("value")))
                        .sort(SortKey.asc(col("hour"))),
                "SELECT hour(timestamp) AS hour, avg(value) FROM read_csv($csv) GROUP BY hour ORDER BY hour;");
    }

    @Test
    void filterProjectSortLimit() {
        assertPlan(csv().filter(col("value").gt(1)).select(col("name"), col("value").mul(2).as("v"))
                        .sort(SortKey.desc(col("v")), SortKey.asc(col("name"))).limit(5),
                "SELECT name, value * 2 AS v FROM $csv WHERE value > 1 ORDER BY v DESC, 1 LIMIT 5");
    }

    @Test
    void starSelectsNothing() {
        assertPlan(csv().limit(3), "SELECT * FROM $csv LIMIT 3");
        assertPlan(csv().select(col("timestamp"), col("value"), col("name"), col("value").add(1).as("v1")),
                "SELECT *, value + 1 AS v1 FROM $csv");
    }

    @Test
    void readCsvOptionsBecomeCsvOptions() {
        assertPlan(Floe.readCsv(path, CsvOptions.defaults().withHeader(true).withDelimiter(',')),
                "SELECT * FROM read_csv($csv, header = true, delim = ',')");
    }

    @Test
    void orderingByAColumnThatIsNotSelectedSortsBeforeTheSelect() {
        assertPlan(csv().sort(SortKey.asc(col("value")), SortKey.desc(col("value").mul(2))).select(col("name")),
                "SELECT name FROM $csv ORDER BY value, value * 2 DESC");
        assertPlan(csv().sort(SortKey.asc(col("value").mul(2).add(1)))
                        .select(col("name"), col("value").mul(2).as("v")),
                "SELECT name, value * 2 AS v FROM $csv ORDER BY v + 1");
    }

    @Test
    void groupingByAColumnThatIsNotSelected() {
        assertPlan(csv().groupBy(col("name")).agg(countStar().as("n")).select(col("n")),
                "SELECT count(*) AS n FROM $csv GROUP BY name");
    }

    @Test
    void aggregatesInsideArithmeticStayOneAggregate() {
        assertPlan(csv().groupBy(col("name")).agg(sum(col("value")).div(count(col("value"))).as("avg_v"),
                        max(col("value")).add(1))
                        .sort(SortKey.asc(col("avg_v"))),
                "SELECT name, sum(value) / count(value) AS avg_v, max(value) + 1 FROM $csv GROUP BY 1 ORDER BY 2");
    }

    @Test
    void aKeyOutsideTheAggregatesIsComputedAfterAggregating() {
        assertPlan(csv().groupBy(col("timestamp").dt().hour()).agg(sum(col("value")))
                        .select(col("hour(timestamp)").add(1).as("next_hour"),
                                col("sum(value)").sub(col("hour(timestamp)")).as("(sum(value) - hour(timestamp))")),
                "SELECT hour(timestamp) + 1 AS next_hour, sum(value) - hour(timestamp) FROM $csv GROUP BY hour(timestamp)");
    }

    @Test
    void aggregatesWithoutGroupByReduceTheWholeFrame() {
        assertPlan(csv().filter(col("name").eq("a")).agg(countStar(), mean(col("value")).as("m")),
                "SELECT count(*), avg(value) AS m FROM $csv WHERE name = 'a'");
    }

    @Test
    void orderingByAnAggregateThatIsNotSelectedSortsTheGroupsBeforeTheSelect() {
        assertPlan(csv().groupBy(col("name")).agg(countStar().as("count_star()"))
                        .sort(SortKey.desc(col("count_star()")), SortKey.asc(col("name"))).select(col("name")),
                "SELECT name FROM $csv GROUP BY name ORDER BY count(*) DESC, name");
    }

    @Test
    void repeatedResultNamesGetSuffixes() {
        assertPlan(csv().select(col("name"), col("value").as("name_1")),
                "SELECT name, value AS name FROM $csv");
        assertPlan(csv().select(col("name"), col("name").as("name_2"), col("value").as("name_1")),
                "SELECT name, name, value AS name_1 FROM $csv");
        assertPlan(csv().groupBy(col("name")).agg(countStar()).select(col("name"), col("count_star()"),
                        col("count_star()").as("count_star()_1")),
                "SELECT name, count(*), count(*) FROM $csv GROUP BY name");
    }

    @Test
    void resultNamesAgreeWithTheCsvReadersHeaderNames() throws IOException {
        // the oracle: the CSV reader's names for a header that repeats names
        for (String header : java.util.List.of("k,k", "k,k,k", "k,k,k_1", "k_1,k,k", "a,b,a,b,a", "x,x_1,x")) {
            Path file = dir.resolve("header-" + Math.abs(header.hashCode()) + ".csv");
            String[] names = header.split(",");
            Files.writeString(file, header + "\n" + "1,".repeat(names.length - 1) + "1\n");
            java.util.List<String> read = Floe.readCsv(file.toString(), CsvOptions.defaults()).columns();
            String select = java.util.Arrays.stream(names).map(n -> "value AS " + n)
                    .collect(java.util.stream.Collectors.joining(", "));
            assertEquals(read, SqlPlanner.plan("SELECT " + select + " FROM '" + path + "'").columns(), header);
            assertEquals(read, ColumnNames.unique(java.util.List.of(names)), header);
        }
    }

    @Test
    void mistakes() {
        assertPlanError("SELECT name, value, count(*) FROM $csv GROUP BY name",
                "column 'value' must appear in GROUP BY or be used in an aggregate");
        assertPlanError("SELECT value, count(*) FROM $csv",
                "column 'value' must appear in GROUP BY or be used in an aggregate");
        assertPlanError("SELECT * FROM $csv GROUP BY name",
                "SELECT * cannot be used with GROUP BY or aggregate functions; list the columns to group by and the "
                        + "aggregates to compute");
        assertPlanError("SELECT name, count(*) FROM $csv GROUP BY name ORDER BY value",
                "ORDER BY value: column 'value' must appear in GROUP BY or be used in an aggregate");
        assertPlanError("SELECT name FROM $csv ORDER BY 2",
                "ORDER BY position 2 is not in the select list, which has 1 column");
        assertPlanError("SELECT count(*) AS n FROM $csv GROUP BY n",
                "GROUP BY n refers to count_star() AS n, which is an aggregate; group by columns or expressions of them");
    }
}
