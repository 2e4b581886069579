package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.plan.Aggregate;
import dev.floe.expressions.ExprTrees;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.PlanException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A frame grouped by keys, waiting for {@link #agg}. */
public final class GroupedDataFrame {
    private final DataFrame frame;
    private final List<Expr> keys;

    GroupedDataFrame(DataFrame frame, List<Expr> keys) {
        this.frame = requireNonNull(frame, "frame is null");
        this.keys = List.copyOf(keys);
    }

    /**
     * One row per group: the key columns, then one column per aggregate, named by its alias or its SQL
     * text. An aggregate may be an expression over aggregate calls ({@code sum(x).div(count(x))}).
     * With no aggregates, the result is the distinct keys.
     */
    public DataFrame agg(Expr... aggregates) {
        if (aggregates.length == 0 && keys.isEmpty()) {
            throw new PlanException("agg() needs at least one aggregate, e.g. agg(mean(col(\"value\")))");
        }
        Map<AggregateCall, String> calls = new LinkedHashMap<>();
        List<Alias> outputs = new ArrayList<>();
        boolean needsProject = false;
        for (Expr a : aggregates) {
            String name = a.outputName();
            Expr body = a instanceof Alias alias ? alias.input() : a;
            if (!Aggregate.containsAggregate(body)) {
                throw new PlanException("agg() takes aggregates, but " + a.toSql()
                        + " aggregates nothing; use count/sum/mean/min/max, e.g. mean(" + body.toSql() + ")");
            }
            if (body instanceof AggregateCall call && !calls.containsKey(call)) {
                calls.put(call, name);
                outputs.add(new Alias(Expressions.col(name), name));
                continue;
            }
            needsProject = true;
            Expr rewritten = ExprTrees.transform(body, e -> {
                if (e instanceof AggregateCall c) {
                    String hidden = calls.computeIfAbsent(c, k -> "__agg" + calls.size());
                    return Expressions.col(hidden);
                }
                return null;
            });
            outputs.add(new Alias(rewritten, name));
        }
        List<Alias> all = new ArrayList<>();
        calls.forEach((call, name) -> all.add(new Alias(call, name)));
        LogicalPlan plan = new Aggregate(frame.plan(), keys, all);
        if (needsProject) {
            List<Expr> projected = new ArrayList<>();
            for (Expr k : keys) {
                projected.add(Expressions.col(k.outputName()));
            }
            projected.addAll(outputs);
            plan = new Project(plan, projected);
        }
        return frame.withPlan(plan);
    }
}
