package dev.floe.expressions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Walks and rewrites expression trees: for planners, which split, check and rewrite expressions. */
public final class ExprTrees {
    private ExprTrees() {
    }

    public static List<Expr> children(Expr e) {
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
        if (e instanceof AggregateCall call) {
            return call.input() == null ? List.of() : List.of(call.input());
        }
        if (e instanceof TryCast c) {
            return List.of(c.input());
        }
        if (e instanceof FunctionCall f) {
            return f.args();
        }
        if (e instanceof Between b) {
            return List.of(b.input(), b.low(), b.high());
        }
        if (e instanceof InList in) {
            List<Expr> out = new ArrayList<>(in.values().size() + 1);
            out.add(in.input());
            out.addAll(in.values());
            return out;
        }
        if (e instanceof Case c) {
            List<Expr> out = new ArrayList<>();
            if (c.operand() != null) {
                out.add(c.operand());
            }
            for (Case.When w : c.branches()) {
                out.add(w.condition());
                out.add(w.result());
            }
            if (c.otherwise() != null) {
                out.add(c.otherwise());
            }
            return out;
        }
        if (e instanceof Like l) {
            return List.of(l.input());
        }
        if (e instanceof Column || e instanceof Literal || e instanceof NullLiteral) {
            return List.of();
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getName());
    }

    public static boolean any(Expr e, Predicate<Expr> test) {
        if (test.test(e)) {
            return true;
        }
        for (Expr c : children(e)) {
            if (any(c, test)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} has an aggregate call anywhere inside it. */
    public static boolean containsAggregate(Expr e) {
        return any(e, x -> x instanceof AggregateCall);
    }

    /** The columns {@code e} reads outside of any aggregate call, in first-use order (with repeats). */
    public static List<String> columnsOutsideAggregates(Expr e) {
        List<String> names = new ArrayList<>();
        collectOutsideAggregates(e, names);
        return names;
    }

    private static void collectOutsideAggregates(Expr e, List<String> out) {
        if (e instanceof AggregateCall) {
            return;
        }
        if (e instanceof Column c) {
            out.add(c.name());
        }
        for (Expr child : children(e)) {
            collectOutsideAggregates(child, out);
        }
    }

    /** The names of the columns {@code e} reads, in first-use order. */
    public static Set<String> columns(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collectColumns(e, out);
        return out;
    }

    private static void collectColumns(Expr e, Set<String> out) {
        if (e instanceof Column c) {
            out.add(c.name());
        }
        for (Expr c : children(e)) {
            collectColumns(c, out);
        }
    }

    /**
     * Rewrites top-down: {@code rule} is tried on each node first; where it returns non-null
     * that replaces the node (and its subtree is not visited), else the node's children are rewritten.
     */
    public static Expr transform(Expr e, Function<Expr, Expr> rule) {
        Expr replaced = rule.apply(e);
        if (replaced != null) {
            return replaced;
        }
        if (e instanceof Binary b) {
            return new Binary(b.op(), transform(b.left(), rule), transform(b.right(), rule));
        }
        if (e instanceof Unary u) {
            return new Unary(u.op(), transform(u.input(), rule));
        }
        if (e instanceof DatePart d) {
            return new DatePart(d.unit(), transform(d.input(), rule));
        }
        if (e instanceof Cast c) {
            return new Cast(transform(c.input(), rule), c.type());
        }
        if (e instanceof Alias a) {
            return new Alias(transform(a.input(), rule), a.name());
        }
        if (e instanceof AggregateCall call) {
            return call.input() == null ? call : new AggregateCall(call.function(), transform(call.input(), rule), call.custom());
        }
        if (e instanceof TryCast c) {
            return new TryCast(transform(c.input(), rule), c.type());
        }
        if (e instanceof FunctionCall f) {
            return new FunctionCall(f.function(), f.args().stream().map(a -> transform(a, rule)).toList());
        }
        if (e instanceof Between b) {
            return new Between(transform(b.input(), rule), transform(b.low(), rule), transform(b.high(), rule));
        }
        if (e instanceof InList in) {
            return new InList(transform(in.input(), rule), in.values().stream().map(v -> transform(v, rule)).toList());
        }
        if (e instanceof Case c) {
            List<Case.When> branches = c.branches().stream()
                    .map(w -> new Case.When(transform(w.condition(), rule), transform(w.result(), rule))).toList();
            return new Case(c.operand() == null ? null : transform(c.operand(), rule), branches,
                    c.otherwise() == null ? null : transform(c.otherwise(), rule));
        }
        if (e instanceof Like l) {
            return new Like(transform(l.input(), rule), l.pattern(), l.escape(), l.caseInsensitive());
        }
        if (e instanceof Column || e instanceof Literal || e instanceof NullLiteral) {
            return e;
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getName());
    }
}
