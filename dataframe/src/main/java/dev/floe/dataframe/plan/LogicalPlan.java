package dev.floe.dataframe.plan;

import dev.floe.expressions.Schema;
import java.io.Serializable;
import java.util.List;

/**
 * A node of the logical plan that a {@code DataFrame} stands for: immutable, serialisable, and
 * independent of how it will run. Operations on a frame stack new nodes on top of the old ones; an
 * action hands the finished tree to the query planner.
 *
 * <p>{@link #schema()} of a {@link CsvScan} needs the files' headers and a sample of their rows; it is
 * inferred once per {@link ScanSource} and memoised there. A {@code DataFrame} asks every node it
 * builds for its schema at once, so that mistakes surface when an operation is called.
 */
public sealed interface LogicalPlan extends Serializable
        permits CsvScan, InMemoryScan, Filter, Project, WithColumns, MapBatches, Aggregate, Sort, Limit, Union, Join,
        Repartition {

    /**
     * The columns this node produces, checked against its input's schema: {@link #deriveSchema()} computed
     * once per node object and remembered (see {@link SchemaCache}), so that asking a chain of n nodes for
     * its schema costs n derivations, not one per path through the tree (a {@link WithColumns} or a
     * {@link Join} asks its input more than once).
     */
    default Schema schema() {
        return SchemaCache.schemaOf(this);
    }

    /**
     * Computes this node's schema from its inputs' {@link #schema()}s, throwing a {@code PlanException} when
     * the node does not fit them. Called through {@link #schema()}; not to be called directly.
     */
    Schema deriveSchema();

    /** The inputs of this node, empty for a scan. */
    List<LogicalPlan> inputs();

    /** One line describing this node alone, as {@code explain()} prints it. */
    String describe();

    /** The tree below and including this node, indented, one node a line. */
    default String treeString() {
        StringBuilder sb = new StringBuilder();
        appendTree(this, 0, sb);
        return sb.toString();
    }

    private static void appendTree(LogicalPlan plan, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(plan.describe()).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            appendTree(input, depth + 1, sb);
        }
    }
}
