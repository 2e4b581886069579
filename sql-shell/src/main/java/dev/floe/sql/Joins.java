package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.lit;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL joins built from the dataframe's four ({@link JoinType}: INNER, LEFT, SEMI, ANTI), over two
 * {@link Relation}s whose frame columns do not clash (the planner renames the right side first).
 *
 * <pre>
 *  a INNER | LEFT | SEMI | ANTI JOIN b   a.join(b, keys, type)
 *  a RIGHT JOIN b                        b.join(a, keys, LEFT), columns put back in a's-then-b's order
 *  a FULL JOIN b                         a.join(b, keys, LEFT)
 *                                          UNION ALL b.join(a, keys, ANTI) with NULLs for a's columns
 *                                        (a NULL key never matches, so its row appears once, unmatched)
 *  a CROSS JOIN b                        a.join(b, [1], [1], INNER): every row has the same key
 * </pre>
 */
final class Joins {
    private Joins() {
    }

    /** The joined frame: {@code left}'s columns then (except SEMI, ANTI) {@code right}'s. */
    static DataFrame join(DataFrame left, DataFrame right, List<Expr> leftKeys, List<Expr> rightKeys, Source.JoinKind kind) {
        switch (kind) {
            case INNER:
                return left.join(right, leftKeys, rightKeys, JoinType.INNER);
            case LEFT:
                return left.join(right, leftKeys, rightKeys, JoinType.LEFT);
            case SEMI:
                return left.join(right, leftKeys, rightKeys, JoinType.SEMI);
            case ANTI:
                return left.join(right, leftKeys, rightKeys, JoinType.ANTI);
            case RIGHT:
                return inOrder(right.join(left, rightKeys, leftKeys, JoinType.LEFT), left, right);
            case FULL: {
                DataFrame matched = left.join(right, leftKeys, rightKeys, JoinType.LEFT);
                DataFrame unmatched = right.join(left, rightKeys, leftKeys, JoinType.ANTI);
                List<Expr> padded = new ArrayList<>();
                for (Field f : left.schema().fields()) {
                    padded.add(Expressions.nullOf(f.type()).as(f.name()));
                }
                for (String c : right.columns()) {
                    padded.add(col(c));
                }
                return matched.unionAll(unmatched.select(padded.toArray(new Expr[0])));
            }
            case CROSS:
                return cross(left, right);
            default:
                throw new IllegalStateException("join kind not handled: " + kind);
        }
    }

    /** Every pair of rows: an inner join on a key that is the same constant on both sides. */
    static DataFrame cross(DataFrame left, DataFrame right) {
        return left.join(right, List.of(lit(1L)), List.of(lit(1L)), JoinType.INNER);
    }

    /** {@code df}'s columns reordered to {@code left}'s then {@code right}'s. */
    private static DataFrame inOrder(DataFrame df, DataFrame left, DataFrame right) {
        List<String> order = new ArrayList<>(left.columns());
        order.addAll(right.columns());
        return df.select(order.toArray(new String[0]));
    }

    /**
     * {@code right} with each column renamed whose name the left has: {@code x} becomes {@code x_right},
     * or {@code x_right_2}, ... when that is taken too (after two joins of the same table).
     */
    static Relation uniqueAgainst(Relation left, Relation right) {
        Set<String> taken = new HashSet<>(left.df().columns());
        List<String> rightColumns = right.df().columns();
        Map<String, String> renames = new LinkedHashMap<>();
        for (String n : rightColumns) {
            String joined = n;
            if (taken.contains(n)) {
                joined = n + "_right";
                for (int i = 2; taken.contains(joined) || (rightColumns.contains(joined) && !joined.equals(n)); i++) {
                    joined = n + "_right_" + i;
                }
                renames.put(n, joined);
            }
            taken.add(joined);
        }
        if (renames.isEmpty()) {
            return right;
        }
        // * shows the source's names (the result's names are made unique at the end, as DuckDB does)
        List<Relation.StarColumn> star = right.star().stream().map(c -> new Relation.StarColumn(
                c.name(), renames.getOrDefault(c.column(), c.column()), c.qualifier())).toList();
        Map<String, String> using = new LinkedHashMap<>();
        right.using().forEach((k, v) -> using.put(k, renames.getOrDefault(v, v)));
        return new Relation(right.df().rename(renames), right.qualifiers(), right.names(), using, star);
    }
}
