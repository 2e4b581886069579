package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.dataframe.plan.CsvScan;
import dev.floe.expressions.Expr;
import dev.floe.expressions.PlanException;
import dev.floe.scheduler.ProgressListener;
import dev.floe.testdata.CsvFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation is type-checked when it is called (issue #4), against a schema inferred once per
 * {@code readCsv}, and no task runs for a plan that does not check.
 */
class BuildTimeCheckTest {
    @TempDir
    Path dir;

    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    private final AtomicInteger tasks = new AtomicInteger();

    private DataFrame frame() {
        CsvFixtures.writeFile(dir, "a.csv", "s,n,x\nab,1,1.5\ncd,2,2.5\nef,3,\n");
        return Floe.readCsv(dir.resolve("*.csv").toString()).withProgress(new ProgressListener() {
            @Override
            public void taskStarted(String key, String kind) {
                tasks.incrementAndGet();
            }
        });
    }

    private static int opens(DataFrame df) {
        LogicalPlanWalk w = new LogicalPlanWalk();
        return w.scan(df.plan()).source().timesOpened();
    }

    /** The CSV scan at the bottom of a linear plan. */
    private static final class LogicalPlanWalk {
        CsvScan scan(dev.floe.dataframe.plan.LogicalPlan p) {
            while (!(p instanceof CsvScan)) {
                p = p.inputs().get(0);
            }
            return (CsvScan) p;
        }
    }

    static Stream<Arguments> typeErrors() {
        Expr bad = col("s").add(lit(1));
        return Stream.of(
                Arguments.of("select", (Function<DataFrame, DataFrame>) df -> df.select(bad)),
                Arguments.of("withColumn", (Function<DataFrame, DataFrame>) df -> df.withColumn("y", bad)),
                Arguments.of("filter", (Function<DataFrame, DataFrame>) df -> df.filter(bad.gt(2))),
                Arguments.of("where", (Function<DataFrame, DataFrame>) df -> df.where(bad.gt(2))),
                Arguments.of("groupBy", (Function<DataFrame, DataFrame>) df -> df.groupBy(bad).agg(sum("n"))),
                Arguments.of("agg", (Function<DataFrame, DataFrame>) df -> df.agg(sum(bad))),
                Arguments.of("grouped agg", (Function<DataFrame, DataFrame>) df -> df.groupBy("n").agg(sum(bad))),
                Arguments.of("sort", (Function<DataFrame, DataFrame>) df -> df.sort(SortKey.asc(bad))),
                Arguments.of("after other ops",
                        (Function<DataFrame, DataFrame>) df -> df.filter(col("n").gt(0)).limit(2).select(bad)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrors")
    void aTypeErrorIsThrownWhenTheOperationIsCalled(String op, Function<DataFrame, DataFrame> build) {
        DataFrame df = frame();
        PlanException e = assertThrows(PlanException.class, () -> build.apply(df));
        assertTrue(e.getMessage().contains("operator + cannot take VARCHAR and BIGINT in (s + 1)"), e.getMessage());
        assertEquals(0, tasks.get(), "no task runs for a plan that does not check");
        assertEquals(1, opens(df));
    }

    @Test
    void aFilterThatIsNotBooleanIsThrownAtOnce() {
        PlanException e = assertThrows(PlanException.class, () -> frame().filter(col("n").add(1)));
        assertTrue(e.getMessage().contains("BOOLEAN") && e.getMessage().contains("(n + 1)")
                && e.getMessage().contains("BIGINT"), e.getMessage());
        assertEquals(0, tasks.get());
    }

    static Stream<Arguments> unknownColumns() {
        return Stream.of(
                Arguments.of("select", (Function<DataFrame, Object>) df -> df.select("nn")),
                Arguments.of("filter", (Function<DataFrame, Object>) df -> df.filter(col("nn").gt(1))),
                Arguments.of("withColumn", (Function<DataFrame, Object>) df -> df.withColumn("y", col("nn"))),
                Arguments.of("groupBy", (Function<DataFrame, Object>) df -> df.groupBy("nn")),
                Arguments.of("agg", (Function<DataFrame, Object>) df -> df.agg(sum("nn"))),
                Arguments.of("sort", (Function<DataFrame, Object>) df -> df.sort("nn")),
                Arguments.of("drop", (Function<DataFrame, Object>) df -> df.drop("nn")),
                Arguments.of("rename", (Function<DataFrame, Object>) df -> df.rename("nn", "m")),
                Arguments.of("join", (Function<DataFrame, Object>) df -> df.join(df, "nn")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownColumns")
    void anUnknownColumnIsThrownWithASuggestion(String op, Function<DataFrame, Object> build) {
        DataFrame df = frame();
        PlanException e = assertThrows(PlanException.class, () -> build.apply(df));
        assertTrue(e.getMessage().contains("'nn'") && e.getMessage().contains("did you mean 'n'?"), e.getMessage());
        assertEquals(0, tasks.get());
    }

    @ParameterizedTest(name = "blockSize={0}")
    @ValueSource(ints = {8, 1 << 20})
    void theSchemaIsInferredOnceForAChainAndItsCompute(int blockSize) {
        StringBuilder csv = new StringBuilder("k,v\n");
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new long[] {i % 5, i});
            csv.append(i % 5).append(',').append(i).append('\n');
        }
        CsvFixtures.writeFile(dir, "a.csv", csv.toString());
        DataFrame source = Floe.readCsv(dir.resolve("*.csv").toString(),
                dev.floe.io.CsvOptions.defaults().withBlockSize(blockSize));
        assertEquals(0, opens(source), "readCsv reads nothing");
        DataFrame first = source.filter(col("v").ge(10));
        assertEquals(1, opens(first), "the first operation infers the schema");
        // A file that a second listing would find, and whose sample would make v a VARCHAR.
        CsvFixtures.writeFile(dir, "b.csv", "k,v\n1,x\n");
        DataFrame chain = first.withColumn("w", col("v").mul(2))
                .select(col("k"), col("w"))
                .groupBy("k").agg(sum("w").as("sw"))
                .sort("k");
        assertEquals(1, opens(source));
        // the oracle: the same over the rows of a.csv alone, single-threaded
        long[] expected = new long[5];
        for (long[] r : rows) {
            if (r[1] >= 10) {
                expected[(int) r[0]] += r[1] * 2;
            }
        }
        try (Table t = chain.compute()) {
            assertEquals(5, t.rowCount());
            for (int r = 0; r < 5; r++) {
                assertEquals((long) r, ((Number) t.get(r, "k")).longValue());
                assertEquals(expected[r], ((Number) t.get(r, "sw")).longValue());
            }
        }
        assertEquals(190, first.count());
        assertEquals(1, opens(source), "compute and count reuse the inferred dataset");
    }
}
