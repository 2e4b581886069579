package dev.floe.dataframe;

import static dev.floe.dataframe.FloeAssertions.assertNoArrowMemory;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.lit;
import static dev.floe.expressions.Expressions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Floe#oneRow}: one row, no columns, in memory. The oracle is the constant itself (what the
 * expression means on one row).
 */
class OneRowTest {
    @AfterEach
    void noLeaks() {
        assertNoArrowMemory();
    }

    @Test
    void isOneRowWithoutColumnsAndHoldsNoMemory() {
        DataFrame one = Floe.oneRow();
        assertEquals(List.of(), one.columns());
        assertEquals(1, one.npartitions());
        assertNoArrowMemory();
        try (Table t = one.compute()) {
            assertEquals(1, t.rowCount());
            assertEquals(0, t.columnCount());
        }
        assertEquals(1, one.count());
    }

    @Test
    void selectComputesConstantsOnTheRow() {
        try (Table t = Floe.oneRow().select(lit(1L).add(lit(2L)).as("x"), lit("ab").as("s")).compute()) {
            assertEquals(List.of("x", "s"), t.schema().names());
            assertEquals(1, t.rowCount());
            assertEquals(3L, t.get(0, "x"));
            assertEquals("ab", t.get(0, "s"));
        }
    }

    @Test
    void aggregatesSeeOneRow() {
        try (Table t = Floe.oneRow().agg(countStar().as("n"), sum(lit(5L)).as("s")).compute()) {
            assertEquals(1L, t.get(0, "n"));
            assertEquals(5L, t.get(0, "s"));
        }
    }

    @Test
    void filtersUnionsAndReuseWork() {
        DataFrame one = Floe.oneRow();
        assertEquals(0, one.filter(lit(false)).count());
        DataFrame three = one.select(lit(1L).as("x")).unionAll(one.select(lit(2L).as("x")))
                .unionAll(one.select(lit(3L).as("x")));
        try (Table t = three.sort(SortKey.desc("x")).compute()) {
            assertEquals(List.of(3L, 2L, 1L), t.column("x"));
        }
        assertTrue(one.explain().contains("one row, no columns"), one.explain());
    }
}
