package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;

import dev.floe.dataframe.DataFrame;
import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprTrees;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one {@link Source.Join} over its two planned sides: finds the key pairs (from ON, USING, or for a
 * cross join the WHERE), builds the frame ({@link Joins}) and says what each column of the result is
 * called ({@link Relation}). A cross join also takes the WHERE's conjuncts over one side only, which
 * filter that side before the join.
 */
final class JoinPlanner {
    private JoinPlanner() {
    }

    /**
     * {@code left JOIN right ON a = b AND ...}: each equality between an expression of one side and an
     * expression of the other becomes a key pair; for an INNER join, other conditions filter the joined
     * rows. {@code USING (k)} joins on the columns both sides call {@code k}, shown once. A CROSS join
     * takes its keys from the WHERE's equalities between its sides, if any. Joined columns are the
     * left's then the right's (a clashing name gets {@code _right}), and {@code q.x} keeps naming a
     * column by the source it came from. See {@link Joins} for how RIGHT, FULL and CROSS are built.
     */
    static Relation join(Source.Join j, Relation left, Relation rightAsRead, List<Expr> where) {
        Relation right = Joins.uniqueAgainst(left, rightAsRead);
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        Source.JoinKind kind = j.kind();
        if (!j.using().isEmpty()) {
            for (String k : j.using()) {
                leftKeys.add(col(usingKey(k, left, "left", j)));
                rightKeys.add(col(usingKey(k, right, "right", j)));
            }
        } else if (j.on() != null) {
            if (ExprTrees.columns(j.on()).stream().anyMatch(c -> c.startsWith("__subquery_") || c.startsWith("__exists_"))) {
                throw new PlanException("JOIN ... ON cannot hold IN (SELECT ...) or EXISTS (SELECT ...); move that "
                        + "condition to WHERE");
            }
            for (Expr conjunct : SqlPlanner.conjuncts(j.on())) {
                if (!addKeyPair(conjunct, left, right, leftKeys, rightKeys)) {
                    residual.add(conjunct);
                }
            }
            if (leftKeys.isEmpty()) {
                throw new PlanException("JOIN ... ON " + SqlPlanner.sqlText(j.on()) + " has no equality between a column of each side; "
                        + "Floe joins on keys, e.g. ON a.id = b.id (or use CROSS JOIN and WHERE)");
            }
        } else {
            for (java.util.Iterator<Expr> it = where.iterator(); it.hasNext(); ) {
                Expr conjunct = it.next();
                if (onlyIn(conjunct, left, right)) {
                    left = left.withFrame(left.df().filter(SqlPlanner.resolve(conjunct, left)));
                    it.remove();
                } else if (onlyIn(conjunct, right, left)) {
                    right = right.withFrame(right.df().filter(SqlPlanner.resolve(conjunct, right)));
                    it.remove();
                } else if (isEqualityOfSides(conjunct, left, right)) {
                    addKeyPair(conjunct, left, right, leftKeys, rightKeys);
                    it.remove();
                }
            }
            if (!leftKeys.isEmpty()) {
                kind = Source.JoinKind.INNER;
            }
        }
        if (!residual.isEmpty() && kind != Source.JoinKind.INNER) {
            throw new PlanException(kind.sql() + " conditions must be equalities between the two sides, but "
                    + SqlPlanner.sqlText(residual.get(0)) + " is not; filter one side in a subquery first");
        }
        DataFrame df = Joins.join(left.df(), right.df(), leftKeys, rightKeys, kind);
        Relation joined = joinedRelation(df, left, right, kind, j.using());
        for (Expr r : residual) {
            joined = joined.withFrame(joined.df().filter(SqlPlanner.resolve(r, joined)));
        }
        return joined;
    }

    /** The frame column that {@code USING (k)} means on one side; an unknown name suggests the nearest ones. */
    private static String usingKey(String k, Relation side, String which, Source.Join j) {
        if (side.using().containsKey(k)) {
            return side.using().get(k);
        }
        if (side.names().contains(k)) {
            return side.resolve(k);
        }
        List<String> names = side.names().stream().distinct().toList();
        String nearest = names.stream().min(java.util.Comparator.comparingInt((String n) -> TypeChecker.editDistance(n, k)))
                .orElse(null);
        boolean close = nearest != null && TypeChecker.editDistance(nearest, k) <= Math.max(2, k.length() / 3);
        throw new PlanException("JOIN ... USING (" + String.join(", ", j.using()) + "): column '" + k + "' not found on the "
                + which + " side (" + sqlText(j, which) + ")" + (close ? "; did you mean '" + nearest + "'?" : ".")
                + " Its columns: " + String.join(", ", names));
    }

    private static String sqlText(Source.Join j, String which) {
        return ("left".equals(which) ? j.left() : j.right()).toSql();
    }

    /** Whether {@code conjunct} is {@code x = y} with x over one side's columns only and y over the other's. */
    private static boolean isEqualityOfSides(Expr conjunct, Relation left, Relation right) {
        if (!(conjunct instanceof Binary b) || b.op() != BinaryOp.EQ) {
            return false;
        }
        return (onlyIn(b.left(), left, right) && onlyIn(b.right(), right, left))
                || (onlyIn(b.right(), left, right) && onlyIn(b.left(), right, left));
    }

    /**
     * Whether {@code e} reads columns, all of {@code side} and none that {@code other} also knows (a
     * name both know is ambiguous: the WHERE, planned over the joined relation, reports it).
     */
    private static boolean onlyIn(Expr e, Relation side, Relation other) {
        java.util.Set<String> columns = ExprTrees.columns(e);
        if (columns.isEmpty()) {
            return false;
        }
        try {
            for (String c : columns) {
                if (side.resolve(c) == null || other.resolve(c) != null) {
                    return false;
                }
            }
            return true;
        } catch (PlanException ambiguous) {
            return false;
        }
    }

    /** Adds {@code conjunct} as a key pair if it is an equality between the two sides; false if it is not. */
    private static boolean addKeyPair(Expr conjunct, Relation left, Relation right, List<Expr> leftKeys, List<Expr> rightKeys) {
        if (conjunct instanceof Binary b && b.op() == BinaryOp.EQ) {
            Expr l = SqlPlanner.tryResolve(b.left(), left);
            Expr r = SqlPlanner.tryResolve(b.right(), right);
            if (l == null || r == null) {
                l = SqlPlanner.tryResolve(b.right(), left);
                r = SqlPlanner.tryResolve(b.left(), right);
            }
            if (l != null && r != null) {
                leftKeys.add(l);
                rightKeys.add(r);
                return true;
            }
        }
        return false;
    }

    /** The relation over a joined frame: names, qualifiers, what {@code *} shows and the USING keys. */
    private static Relation joinedRelation(DataFrame df, Relation left, Relation right, Source.JoinKind kind,
                                           List<String> usingKeys) {
        boolean both = kind != Source.JoinKind.SEMI && kind != Source.JoinKind.ANTI;
        List<String> qualifiers = new ArrayList<>(left.qualifiers());
        List<String> names = new ArrayList<>(left.names());
        Map<String, String> using = new LinkedHashMap<>(left.using());
        List<Relation.StarColumn> star = new ArrayList<>(left.star());
        if (both) {
            qualifiers.addAll(right.qualifiers());
            names.addAll(right.names());
            Set<String> rightUsing = new HashSet<>();
            for (String k : usingKeys) {
                String l = usingKeyQuietly(k, left);
                String r = usingKeyQuietly(k, right);
                rightUsing.add(r);
                String merged = l;
                if (kind == Source.JoinKind.RIGHT) {
                    merged = r;
                } else if (kind == Source.JoinKind.FULL) {
                    merged = freshName(k + "_using", df.columns());
                    df = df.withColumn(merged, Expressions.coalesce(col(l), col(r)));
                    qualifiers.add(null);
                    names.add(merged);
                }
                using.put(k, merged);
                for (int i = 0; i < star.size(); i++) {
                    if (star.get(i).column().equals(l)) {
                        star.set(i, new Relation.StarColumn(k, merged, null));
                    }
                }
            }
            for (Relation.StarColumn c : right.star()) {
                if (!rightUsing.contains(c.column())) {
                    star.add(c);
                }
            }
        } else {
            for (String k : usingKeys) {
                using.put(k, usingKeyQuietly(k, left));
            }
        }
        return new Relation(df, qualifiers, names, using, star);
    }

    private static String usingKeyQuietly(String k, Relation side) {
        return side.using().containsKey(k) ? side.using().get(k) : side.resolve(k);
    }

    private static String freshName(String base, List<String> taken) {
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
