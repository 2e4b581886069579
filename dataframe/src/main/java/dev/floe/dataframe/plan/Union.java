package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import java.util.List;

/**
 * Every row of {@code left}, then every row of {@code right} (SQL UNION ALL): columns are matched by
 * position and named as in {@code left}; their types must be equal ({@code DataFrame.unionAll} casts
 * columns of different types that have a common type to it before building this node).
 */
public record Union(LogicalPlan left, LogicalPlan right) implements LogicalPlan {
    public Union {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public Schema deriveSchema() {
        Schema l = left.schema();
        Schema r = right.schema();
        if (l.size() != r.size()) {
            throw new PlanException("UNION ALL needs the same number of columns on both sides, got " + l.size()
                    + " " + l + " and " + r.size() + " " + r);
        }
        for (int i = 0; i < l.size(); i++) {
            if (l.field(i).type() != r.field(i).type()) {
                throw new PlanException("UNION ALL column " + (i + 1) + " is " + l.field(i) + " on the left but "
                        + r.field(i) + " on the right; cast one side so the types match");
            }
        }
        return l;
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public String describe() {
        return "UnionAll";
    }
}
