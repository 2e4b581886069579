package dev.floe.dataframe;

import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.Repartition;
import dev.floe.dataframe.plan.Sort;
import dev.floe.dataframe.plan.Union;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Cast;
import dev.floe.expressions.Column;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.Literal;
import dev.floe.expressions.NullLiteral;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * The common type two sides of a UNION ALL column or of a join key are brought to, as DuckDB does:
 *
 * <pre>
 *   same type                         that type
 *   DECIMAL with DECIMAL or BIGINT    the smallest DECIMAL holding both (BIGINT is DECIMAL(19,0)),
 *                                     e.g. DECIMAL(2,1) and DECIMAL(3,1) give DECIMAL(3,1)
 *   other numbers (DOUBLE with any)   DOUBLE
 *   DATE with TIMESTAMP               TIMESTAMP
 *   an untyped NULL column (UNION)    the other side's type
 *   anything else                     none: the caller's error names both sides
 * </pre>
 *
 * These are the rules by which CASE, coalesce and IN choose a type: both use {@code TypeChecker.supertype}.
 */
final class Widening {
    private Widening() {
    }

    /** The common type of {@code a} and {@code b}, or null if they have none. */
    static FloeType supertype(FloeType a, FloeType b) {
        return TypeChecker.supertype(a, b);
    }

    /**
     * {@code left} UNION ALL {@code right} with each column of a side whose type differs from the
     * common one cast to it in a projection over that side (the right side's names kept there; the
     * union takes the left's). A column that is an untyped NULL ({@code SELECT NULL AS v}) takes the
     * other side's type. Columns with no common type, or a different number of columns, are a
     * PlanException naming both.
     */
    static Union union(LogicalPlan left, LogicalPlan right) {
        Schema l = left.schema();
        Schema r = right.schema();
        if (l.size() != r.size()) {
            throw new PlanException("UNION ALL needs the same number of columns on both sides, got " + l.size()
                    + " " + l + " and " + r.size() + " " + r);
        }
        List<FloeType> common = new ArrayList<>(l.size());
        boolean castLeft = false;
        boolean castRight = false;
        for (int i = 0; i < l.size(); i++) {
            FloeType lt = l.field(i).type();
            FloeType rt = r.field(i).type();
            boolean lNull = isUntypedNull(left, i);
            boolean rNull = isUntypedNull(right, i);
            FloeType t = lNull && !rNull ? rt : rNull && !lNull ? lt : supertype(lt, rt);
            if (t == null) {
                throw new PlanException("UNION ALL column " + (i + 1) + " is " + l.field(i).name() + " "
                        + lt.sqlName() + " on the left but " + r.field(i).name() + " " + rt.sqlName()
                        + " on the right, and they have no common type; cast one side (for example CAST("
                        + r.field(i).name() + " AS " + lt.sqlName() + "))");
            }
            common.add(t);
            castLeft |= t != lt;
            castRight |= t != rt;
        }
        return new Union(castLeft ? castTo(left, common) : left, castRight ? castTo(right, common) : right);
    }

    private static LogicalPlan castTo(LogicalPlan side, List<FloeType> types) {
        Schema s = side.schema();
        List<Expr> exprs = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            String name = s.field(i).name();
            FloeType from = s.field(i).type();
            FloeType to = types.get(i);
            if (from == to) {
                exprs.add(Expressions.col(name));
            } else if (isUntypedNull(side, i)) {
                exprs.add(new Alias(new Literal(null, to), name));
            } else {
                exprs.add(new Alias(new Cast(Expressions.col(name), to), name));
            }
        }
        return new Project(side, exprs);
    }

    /**
     * Whether column {@code index} of {@code plan} is SQL's untyped NULL, which has BIGINT only for want
     * of a type: a projection of NULL, seen through the operators that keep their input's columns.
     */
    static boolean isUntypedNull(LogicalPlan plan, int index) {
        if (plan instanceof Project p) {
            Expr e = p.exprs().get(index);
            if (e instanceof Alias a) {
                e = a.input();
            }
            if (e instanceof NullLiteral) {
                return true;
            }
            if (e instanceof Column c) {
                int in = p.input().schema().indexOf(c.name());
                return in >= 0 && isUntypedNull(p.input(), in);
            }
            return false;
        }
        if (plan instanceof Union u) {
            return isUntypedNull(u.left(), index) && isUntypedNull(u.right(), index);
        }
        if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit || plan instanceof Repartition) {
            return isUntypedNull(plan.inputs().get(0), index);
        }
        return false;
    }

    /**
     * {@code keys} with each key whose type (from {@code types}) differs from the common one of its pair
     * cast to it; {@code common} holds the common type per key, or null where there is none.
     */
    static List<Expr> castKeys(List<Expr> keys, List<FloeType> types, List<FloeType> common) {
        List<Expr> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            FloeType to = common.get(i);
            out.add(to == null || to == types.get(i) ? keys.get(i) : new Cast(keys.get(i), to));
        }
        return out;
    }
}
