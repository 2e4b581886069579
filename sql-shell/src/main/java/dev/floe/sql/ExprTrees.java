package dev.floe.sql;

import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Binary;
import dev.floe.expressions.Cast;
import dev.floe.expressions.Column;
import dev.floe.expressions.DatePart;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walking and rewriting expression trees, for the planner. */
final class ExprTrees {
    private ExprTrees() {
    }

    static List<Expr> children(Expr e) {
        if (e instanceof Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Unary u) {
            return List.of(u.input());
        }
        if (e instanceof DatePart d) {
            return List.of(d.input());
        }
        if (e instanceof Cast c) {
            return List.of(c.input());
        }
        if (e instanceof Alias a) {
            return List.of(a.input());
        }
        if (e instanceof AggregateCall a && a.input() != null) {
            return List.of(a.input());
        }
        return List.of();
    }

    static boolean containsAggregate(Expr e) {
        return e instanceof AggregateCall || children(e).stream().anyMatch(ExprTrees::containsAggregate);
    }

    /** The columns {@code e} refers to outside any aggregate call, in order of appearance. */
    static List<String> columnsOutsideAggregates(Expr e) {
        List<String> names = new ArrayList<>();
        collectColumnsOutsideAggregates(e, names);
        return names;
    }

    private static void collectColumnsOutsideAggregates(Expr e, List<String> names) {
        if (e instanceof Column c) {
            names.add(c.name());
        } else if (!(e instanceof AggregateCall)) {
            children(e).forEach(child -> collectColumnsOutsideAggregates(child, names));
        }
    }

    /**
     * Rebuilds {@code e} top-down: a subtree for which {@code replace} returns non-null is replaced by the
     * result (and not visited further); other nodes are rebuilt from their rewritten children.
     */
    static Expr transform(Expr e, Function<Expr, Expr> replace) {
        Expr replaced = replace.apply(e);
        if (replaced != null) {
            return replaced;
        }
        if (e instanceof Binary b) {
            return new Binary(b.op(), transform(b.left(), replace), transform(b.right(), replace));
        }
        if (e instanceof Unary u) {
            return new Unary(u.op(), transform(u.input(), replace));
        }
        if (e instanceof DatePart d) {
            return new DatePart(d.unit(), transform(d.input(), replace));
        }
        if (e instanceof Cast c) {
            return new Cast(transform(c.input(), replace), c.type());
        }
        if (e instanceof Alias a) {
            return new Alias(transform(a.input(), replace), a.name());
        }
        if (e instanceof AggregateCall a && a.input() != null) {
            return new AggregateCall(a.function(), transform(a.input(), replace));
        }
        return e;
    }
}
