package dev.floe.expressions;

import static dev.floe.expressions.Expressions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ExprTrees must know every node: the planners find columns and aggregates with it, and a node it missed
 * would silently break column pruning. One sample of every Expr implementation (checked against the
 * sealed interface's permits list) must show its columns through children(), any() and transform().
 */
class ExprTreesTest {
    /** One instance of each Expr implementation, each reading column "c" (except the leaves). */
    static List<Expr> samples() {
        Expr c = col("c");
        return List.of(
                c,
                lit(1),
                new NullLiteral(),
                c.add(1),
                c.negate(),
                c.dt().hour(),
                c.cast(FloeType.STRING),
                c.tryCast(FloeType.INT64),
                c.as("x"),
                sum(c),
                round(c, 2),
                c.between(1, 2),
                c.isin(1, 2),
                caseOf(c).when(1).then("one").otherwise("other"),
                c.like("a%"));
    }

    @Test
    void everyExprImplementationIsHandled() {
        Set<Class<?>> covered = new HashSet<>();
        for (Expr e : samples()) {
            covered.add(e.getClass());
        }
        Set<Class<?>> permitted = new HashSet<>(List.of(Expr.class.getPermittedSubclasses()));
        assertEquals(permitted, covered, "ExprTreesTest.samples() must hold one of every Expr implementation");
        for (Expr e : samples()) {
            if (e instanceof Column || e instanceof Literal || e instanceof NullLiteral) {
                assertEquals(List.of(), ExprTrees.children(e), e.toSql());
                continue;
            }
            assertEquals(Set.of("c"), ExprTrees.columns(e), e.toSql());
            assertTrue(ExprTrees.any(e, x -> x.equals(col("c"))), e.toSql());
            Expr renamed = ExprTrees.transform(e, x -> x.equals(col("c")) ? col("d") : null);
            assertEquals(Set.of("d"), ExprTrees.columns(renamed), e.toSql());
            assertEquals(e.getClass(), renamed.getClass(), e.toSql());
            assertEquals(e.toSql().replace("c", "d"), renamed.toSql().replace("c", "d"));
            assertEquals(e, ExprTrees.transform(e, x -> null), "an identity transform rebuilds an equal tree: " + e.toSql());
        }
    }

    /** The type checker and the kernel compiler know every node too: each sample, over a column of a type it takes. */
    @Test
    void everyScalarNodeCompiles() {
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            for (Expr e : samples()) {
                if (e instanceof AggregateCall) {
                    continue;
                }
                FloeType type = e instanceof DatePart ? FloeType.TIMESTAMP : e instanceof Like ? FloeType.STRING : FloeType.INT64;
                Schema schema = Schema.of(new Field("c", type));
                try (ExprEvaluator evaluator = ExprEvaluator.compile(e, schema, allocator)) {
                    assertEquals(TypeChecker.typeOf(e, schema), evaluator.type(), e.toSql());
                }
            }
        }
    }

    @Test
    void columnsInsideEveryChildAreFound() {
        Expr e = when(col("a").gt(0)).then(coalesce(col("b"), col("c"))).otherwise(nullif(col("d"), col("e")));
        assertEquals(List.of("a", "b", "c", "d", "e"), new ArrayList<>(ExprTrees.columns(e)));
        Expr f = concat(col("s"), lit("-"), substring(col("t"), col("u"), 2)).like("x%");
        assertEquals(List.of("s", "t", "u"), new ArrayList<>(ExprTrees.columns(f)));
        Expr g = timeBucket(Duration.ofMinutes(15), col("ts")).between(col("lo"), col("hi"));
        assertEquals(List.of("ts", "lo", "hi"), new ArrayList<>(ExprTrees.columns(g)));
        assertTrue(ExprTrees.containsAggregate(coalesce(std(col("x")), lit(0.0))));
        assertEquals(List.of("k"), ExprTrees.columnsOutsideAggregates(col("k").isin(1, 2).and(nunique(col("v")).gt(1))));
    }
}
