package dev.floe.sql;

import static dev.floe.expressions.Expressions.col;
import static dev.floe.expressions.Expressions.count;
import static dev.floe.expressions.Expressions.countStar;
import static dev.floe.expressions.Expressions.lit;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.plan.JoinType;
import dev.floe.expressions.Binary;
import dev.floe.expressions.BinaryOp;
import dev.floe.expressions.Case;
import dev.floe.expressions.Column;
import dev.floe.expressions.Expr;
import dev.floe.expressions.ExprTrees;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.InList;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.TypeChecker;
import dev.floe.expressions.Unary;
import dev.floe.expressions.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Plans the uncorrelated subqueries of a SELECT's expressions as joins with the FROM relation, so
 * nothing runs before the query does.
 *
 * <pre>
 *  WHERE x IN (S) AND ...       (a conjunct of WHERE)   FROM SEMI JOIN S ON x = s
 *  WHERE x NOT IN (S) AND ...   (a conjunct of WHERE)   FROM ANTI JOIN S ON x = s
 *                                   CROSS JOIN (SELECT count(*) AS n, count(s) AS nn FROM S)
 *                               WHERE n = 0 OR (x IS NOT NULL AND nn = n)
 *  x [NOT] IN (S) anywhere else:
 *      FROM LEFT JOIN (SELECT DISTINCT s AS key, TRUE AS match FROM S) ON x = key
 *           CROSS JOIN (SELECT count(*) AS n, count(s) AS nn FROM S)
 *      x IN (S) := CASE WHEN match IS NOT NULL THEN TRUE      -- x is in S
 *                       WHEN n = 0 THEN FALSE                 -- nothing is in an empty S, not even NULL
 *                       WHEN x IS NULL THEN NULL
 *                       WHEN nn &lt; n THEN NULL                 -- S holds a NULL: x may be it
 *                       ELSE FALSE END
 *      so x NOT IN (S) is never true when S holds a NULL, as SQL says.
 *  EXISTS (S)                   FROM CROSS JOIN (SELECT count(*) AS e FROM (S LIMIT 1)); e &gt; 0
 * </pre>
 *
 * The columns the joins add are hidden from {@code SELECT *}. Subqueries see the session's catalog
 * but not the outer query's columns (no correlation).
 */
final class SubqueryPlanner {
    /** The statement with its placeholders replaced and its WHERE rebuilt, over the joined relation. */
    record Rewritten(SelectStatement statement, Relation relation) {
    }

    private final Function<Query, DataFrame> planner;
    private Relation relation;
    private SelectStatement statement;

    SubqueryPlanner(Function<Query, DataFrame> planner) {
        this.planner = planner;
    }

    /**
     * Rewrites {@code s}, whose FROM is planned as {@code from} and whose WHERE is now the conjuncts
     * {@code where} (a cross join may have taken some as keys).
     */
    Rewritten rewrite(SelectStatement s, List<Expr> where, Relation from) {
        relation = from;
        statement = s;
        checkNotAfterGrouping(s);
        List<Expr> remaining = new ArrayList<>();
        for (Expr conjunct : where) {
            if (semiJoin(conjunct)) {
                continue;
            }
            Expr notIn = antiJoin(conjunct);
            remaining.add(notIn != null ? notIn : conjunct);
        }
        Expr newWhere = null;
        for (Expr conjunct : remaining) {
            Expr e = replace(conjunct);
            newWhere = newWhere == null ? e : new Binary(BinaryOp.AND, newWhere, e);
        }
        List<SelectItem> items = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (item instanceof SelectItem.Single single && hasPlaceholder(single.expr())) {
                String alias = single.alias() != null ? single.alias() : s.writeSubqueries(single.expr().toSql());
                items.add(new SelectItem.Single(replace(single.expr()), alias));
            } else {
                items.add(item);
            }
        }
        SelectStatement out = new SelectStatement(s.distinct(), items, s.from(), newWhere,
                s.groupBy().stream().map(this::replace).toList(), s.having() == null ? null : replace(s.having()),
                s.orderBy().stream().map(o -> o.withExpr(replace(o.expr()))).toList(), s.limit(), s.offset());
        return new Rewritten(out, relation);
    }

    /**
     * In a grouped query, a subquery can only be used before the grouping: in WHERE, or inside an
     * aggregate's argument ({@code sum(CASE WHEN x IN (SELECT ...) THEN 1 END)}).
     */
    private void checkNotAfterGrouping(SelectStatement s) {
        boolean grouped = !s.groupBy().isEmpty() || s.having() != null || s.items().stream()
                .anyMatch(i -> i instanceof SelectItem.Single single && ExprTrees.containsAggregate(single.expr()));
        if (!grouped) {
            return;
        }
        List<Expr> after = new ArrayList<>();
        s.items().forEach(i -> {
            if (i instanceof SelectItem.Single single) {
                after.add(single.expr());
            }
        });
        s.orderBy().forEach(o -> after.add(o.expr()));
        for (Expr e : after) {
            if (ExprTrees.columnsOutsideAggregates(e).stream().anyMatch(statement.subqueries()::containsKey)) {
                throw afterGrouping(e, "the select list or ORDER BY");
            }
        }
        if (s.having() != null && hasPlaceholder(s.having())) {
            throw afterGrouping(s.having(), "HAVING");
        }
    }

    private PlanException afterGrouping(Expr e, String clause) {
        return new PlanException(statement.writeSubqueries(SqlPlanner.sqlText(e)) + ": IN (SELECT ...) and EXISTS cannot be "
                + "used in " + clause + " of a grouped query; use them in WHERE, or group in a subquery in FROM "
                + "and test its result in an outer query");
    }

    /** {@code x IN (S)} as a conjunct of WHERE: a semi join, which keeps exactly the rows where it is true. */
    private boolean semiJoin(Expr conjunct) {
        String name = inPlaceholder(conjunct);
        if (name == null || hasPlaceholder(((InList) conjunct).input())) {
            return false;
        }
        Expr x = operand((InList) conjunct);
        DataFrame sub = subquery(name);
        String s = sub.columns().get(0);
        relation = relation.withFrame(joinIn((InList) conjunct, x, sub, s, s, JoinType.SEMI));
        return true;
    }

    /**
     * {@code x NOT IN (S)} as a conjunct of WHERE: an anti join (which keeps x's NULLs and the rows of an
     * empty S), then the filter that SQL's NULL rules leave, over S's row and non-null counts:
     * {@code n = 0 OR (x IS NOT NULL AND nn = n)}. Returns that filter, or null if {@code conjunct} is not
     * such a NOT IN.
     */
    private Expr antiJoin(Expr conjunct) {
        if (!(conjunct instanceof Unary u) || u.op() != UnaryOp.NOT) {
            return null;
        }
        String name = inPlaceholder(u.input());
        if (name == null || hasPlaceholder(((InList) u.input()).input())) {
            return null;
        }
        Expr x = operand((InList) u.input());
        DataFrame sub = subquery(name);
        String s = sub.columns().get(0);
        String n = name + "_n";
        String nn = name + "_nn";
        DataFrame unmatched = joinIn((InList) u.input(), x, sub, s, s, JoinType.ANTI);
        DataFrame stats = sub.agg(countStar().as(n), count(col(s)).as(nn));
        relation = relation.withFrame(unmatched).withHidden(Joins.cross(unmatched, stats));
        return new Binary(BinaryOp.OR, new Binary(BinaryOp.EQ, col(n), lit(0L)),
                new Binary(BinaryOp.AND, new Unary(UnaryOp.IS_NOT_NULL, ((InList) u.input()).input()),
                        new Binary(BinaryOp.EQ, col(nn), col(n))));
    }

    private Expr replace(Expr e) {
        if (!hasPlaceholder(e)) {
            return e;
        }
        return ExprTrees.transform(e, node -> {
            String in = inPlaceholder(node);
            if (in != null) {
                InList list = (InList) node;
                return membership(replace(list.input()), in);
            }
            if (node instanceof Column c && statement.subqueries().containsKey(c.name())) {
                if (!c.name().startsWith("__exists_")) {
                    throw new IllegalStateException("subquery placeholder outside IN: " + c.name());
                }
                return exists(c.name());
            }
            return null;
        });
    }

    /**
     * The CASE that is {@code x IN (S)}, after joining what it reads. The CASE keeps {@code input} as
     * written (the select's columns are resolved later, over the whole relation); the join uses it resolved.
     */
    private Expr membership(Expr input, String name) {
        InList shape = new InList(input, List.of(col(name)));
        Expr x = operand(shape);
        DataFrame sub = subquery(name);
        String s = sub.columns().get(0);
        String key = name + "_key";
        String match = name + "_match";
        String n = name + "_n";
        String nn = name + "_nn";
        DataFrame matches = sub.select(col(s).as(key), lit(true).as(match)).distinct();
        DataFrame joined = joinIn(shape, x, matches, key, s, JoinType.LEFT);
        DataFrame stats = sub.agg(countStar().as(n), count(col(s)).as(nn));
        relation = relation.withHidden(Joins.cross(joined, stats));
        Expr unknown = Expressions.nullOf(FloeType.BOOLEAN);
        return new Case(null, List.of(
                new Case.When(new Unary(UnaryOp.IS_NOT_NULL, col(match)), lit(true)),
                new Case.When(new Binary(BinaryOp.EQ, col(n), lit(0L)), lit(false)),
                new Case.When(new Unary(UnaryOp.IS_NULL, input), unknown),
                new Case.When(new Binary(BinaryOp.LT, col(nn), col(n)), unknown)), lit(false));
    }

    /**
     * The relation's frame joined with {@code sub} on {@code x = key} (keys of different types meet as
     * their common type); keys with none are an error that speaks of the IN the user wrote, not of a join.
     */
    private DataFrame joinIn(InList in, Expr x, DataFrame sub, String key, String column, JoinType type) {
        try {
            return relation.df().join(sub, List.of(x), List.of(col(key)), type);
        } catch (PlanException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("join key ")) {
                throw e;
            }
            String left = SqlPlanner.sqlText(in.input());
            throw new PlanException(left + " IN (SELECT " + column + " ...): " + left + " is "
                    + TypeChecker.typeOf(x, relation.df().schema()).sqlName() + " but the subquery's column " + column
                    + " is " + sub.schema().field(sub.schema().indexOf(key)).type().sqlName()
                    + ", and they have no common type to be compared as; cast one of them", e);
        }
    }

    private Expr exists(String name) {
        DataFrame sub = plan(statement.subqueries().get(name));
        String e = name + "_rows";
        relation = relation.withHidden(Joins.cross(relation.df(), sub.limit(1).agg(countStar().as(e))));
        return new Binary(BinaryOp.GT, col(e), lit(0L));
    }

    /** The IN's left side over the relation's frame; an aggregate there cannot be joined on. */
    private Expr operand(InList in) {
        if (ExprTrees.containsAggregate(in.input())) {
            throw new PlanException(SqlPlanner.sqlText(in.input()) + " IN (SELECT ...): the left side of IN (SELECT ...) "
                    + "cannot be an aggregate; compute the aggregate in a subquery in FROM first");
        }
        return SqlPlanner.resolve(in.input(), relation);
    }

    /** The subquery's plan; it must return one column. */
    private DataFrame subquery(String name) {
        Query q = statement.subqueries().get(name);
        DataFrame sub = plan(q);
        if (sub.columns().size() != 1) {
            throw new PlanException("the subquery of IN must return one column, but (" + q.toSql() + ") returns "
                    + sub.columns().size() + ": " + String.join(", ", sub.columns()));
        }
        return sub;
    }

    /** Plans a subquery; a reference to an outer source (a correlated subquery) gets a hint. */
    private DataFrame plan(Query q) {
        try {
            return planner.apply(q);
        } catch (PlanException e) {
            for (String outer : relation.sourceNames()) {
                if (e.getMessage() != null && e.getMessage().contains("no source is called '" + outer + "'")) {
                    throw new PlanException(e.getMessage() + ". A subquery in IN or EXISTS cannot use the outer query's "
                            + "columns (correlated subqueries are not supported); join with it instead", e);
                }
            }
            throw e;
        }
    }

    /** The placeholder of {@code e} when it is {@code x IN (subquery)}, else null. */
    private String inPlaceholder(Expr e) {
        if (e instanceof InList in && in.values().size() == 1 && in.values().get(0) instanceof Column c
                && statement.subqueries().containsKey(c.name()) && c.name().startsWith("__subquery_")) {
            return c.name();
        }
        return null;
    }

    private boolean hasPlaceholder(Expr e) {
        return ExprTrees.columns(e).stream().anyMatch(statement.subqueries()::containsKey);
    }
}
