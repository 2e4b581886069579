package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.Aggregate;
import dev.floe.dataframe.plan.CsvScan;
import dev.floe.expressions.ExprTrees;
import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.WithColumns;
import dev.floe.expressions.AggregateCall;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A logical plan cut into the part that runs once per partition and the part that runs once over the
 * gathered result.
 *
 * <pre>
 *   CsvScan ─► Filter/Project ... ─► [Aggregate]        ─► Sort/Limit/Filter/Project/Aggregate ...
 *   └──────────── per partition (tasks) ─────────────┘     └──── local, over the result table ────┘
 * </pre>
 *
 * A Limit right after the per-partition part is also pushed into each partition (no partition needs
 * more rows than the limit), and the scan reads only the columns the per-partition part uses.
 */
public record PhysicalQuery(CsvScan scan, List<LogicalPlan> rowOps, Aggregate aggregate, long partitionLimit,
        List<LogicalPlan> localOps) {

    public static PhysicalQuery of(LogicalPlan root) {
        List<LogicalPlan> chain = new ArrayList<>();
        LogicalPlan node = root;
        while (!(node instanceof CsvScan)) {
            if (node.inputs().size() != 1) {
                throw new IllegalStateException("plans with " + node.inputs().size() + " inputs are not supported: "
                        + node.describe());
            }
            chain.add(node instanceof WithColumns w ? w.toProject() : node);
            node = node.inputs().get(0);
        }
        Collections.reverse(chain);
        int i = 0;
        List<LogicalPlan> rowOps = new ArrayList<>();
        while (i < chain.size() && (chain.get(i) instanceof Filter || chain.get(i) instanceof Project)) {
            rowOps.add(chain.get(i++));
        }
        Aggregate aggregate = null;
        long limit = Long.MAX_VALUE;
        if (i < chain.size() && chain.get(i) instanceof Aggregate a) {
            aggregate = a;
            i++;
        } else if (i < chain.size() && chain.get(i) instanceof Limit l) {
            limit = l.limit() + l.offset();
        }
        return new PhysicalQuery((CsvScan) node, List.copyOf(rowOps), aggregate, limit,
                List.copyOf(chain.subList(i, chain.size())));
    }

    /** The schema of the per-partition part's rows (before any aggregation). */
    public Schema partitionSchema() {
        return rowOps.isEmpty() ? scan.schema() : rowOps.get(rowOps.size() - 1).schema();
    }

    /**
     * The scan columns the per-partition part reads, ascending, or null for all of them.
     *
     * @param countOnly whether the rows themselves are not needed (only how many there are)
     */
    public int[] scanColumns(boolean countOnly) {
        Set<String> needed = new LinkedHashSet<>();
        if (aggregate != null) {
            for (Expr k : aggregate.keys()) {
                needed.addAll(ExprTrees.columns(k));
            }
            for (int a = 0; a < aggregate.aggregates().size(); a++) {
                AggregateCall call = aggregate.call(a);
                if (call.input() != null) {
                    needed.addAll(ExprTrees.columns(call.input()));
                }
            }
        } else if (!countOnly) {
            needed.addAll(partitionSchema().names());
        }
        for (int i = rowOps.size() - 1; i >= 0; i--) {
            LogicalPlan op = rowOps.get(i);
            if (op instanceof Project p) {
                needed.clear();
                for (Expr e : p.exprs()) {
                    needed.addAll(ExprTrees.columns(e));
                }
            } else if (op instanceof Filter f) {
                needed.addAll(ExprTrees.columns(f.predicate()));
            }
        }
        Schema schema = scan.schema();
        if (needed.size() == schema.size()) {
            return null;
        }
        return schema.names().stream().filter(needed::contains).mapToInt(schema::indexOf).toArray();
    }
}
