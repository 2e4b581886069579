package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.exec.PhysicalQuery;
import dev.floe.dataframe.exec.QueryExecution;
import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.Sort;
import dev.floe.dataframe.plan.WithColumns;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.Schema;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lazy, partitioned table: an immutable handle on a logical plan. Operations ({@link #filter},
 * {@link #select}, {@link #groupBy}, ...) return new frames and read nothing; actions ({@link #compute},
 * {@link #count}, {@link #head}) turn the plan into a task graph — one streaming task per partition, then
 * a tree reduction for aggregates — and run it on the shared scheduler.
 *
 * <p>The plan is checked (columns exist, types fit) when the schema is first needed: by {@link #schema},
 * {@link #explain} or an action. Errors in the plan are {@link dev.floe.expressions.PlanException}s.
 */
public final class DataFrame {
    private final LogicalPlan plan;
    private final ExecutionOptions options;

    DataFrame(LogicalPlan plan, ExecutionOptions options) {
        this.plan = requireNonNull(plan, "plan is null");
        this.options = requireNonNull(options, "options is null");
    }

    DataFrame withPlan(LogicalPlan p) {
        return new DataFrame(p, options);
    }

    /** The logical plan this frame stands for. */
    public LogicalPlan plan() {
        return plan;
    }

    public ExecutionOptions options() {
        return options;
    }

    /** The columns and their types; infers the input's schema if that has not been done yet. */
    public Schema schema() {
        return plan.schema();
    }

    public List<String> columns() {
        return schema().names();
    }

    /** How many partitions the result has: one per file split, or one after an aggregation or sort. */
    public int npartitions() {
        PhysicalQuery q = PhysicalQuery.of(plan);
        if (q.aggregate() != null || !q.localOps().isEmpty()) {
            return 1;
        }
        return q.scan().dataset().splits().size();
    }

    /** The rows for which {@code predicate} is TRUE. */
    public DataFrame filter(Expr predicate) {
        return withPlan(new Filter(plan, predicate));
    }

    /** Same as {@link #filter}. */
    public DataFrame where(Expr predicate) {
        return filter(predicate);
    }

    /** One column per expression, named by its alias ({@code .as("name")}) or its SQL text. */
    public DataFrame select(Expr... exprs) {
        return withPlan(new Project(plan, Arrays.asList(exprs)));
    }

    public DataFrame select(String... columns) {
        return select(Arrays.stream(columns).map(Expressions::col).toArray(Expr[]::new));
    }

    /** All columns, plus {@code name} computed by {@code expr} (replacing a column of that name). */
    public DataFrame withColumn(String name, Expr expr) {
        return withPlan(new WithColumns(plan, List.of(new Alias(expr instanceof Alias a ? a.input() : expr, name))));
    }

    /** Groups rows by the keys (columns or expressions; name them with {@code .as}). */
    public GroupedDataFrame groupBy(Expr... keys) {
        return new GroupedDataFrame(this, Arrays.asList(keys));
    }

    public GroupedDataFrame groupBy(String... columns) {
        return groupBy(Arrays.stream(columns).map(Expressions::col).toArray(Expr[]::new));
    }

    /** A whole-frame reduction: one row with one column per aggregate. */
    public DataFrame agg(Expr... aggregates) {
        return groupBy(new Expr[0]).agg(aggregates);
    }

    public DataFrame sort(SortKey... keys) {
        List<Sort.Key> k = new ArrayList<>();
        for (SortKey s : keys) {
            k.add(new Sort.Key(s.expr(), s.ascending(), s.nullsFirst()));
        }
        return withPlan(new Sort(plan, k));
    }

    /** Sorts ascending by the named columns. */
    public DataFrame sort(String... columns) {
        return sort(Arrays.stream(columns).map(SortKey::asc).toArray(SortKey[]::new));
    }

    public DataFrame limit(long n) {
        return withPlan(new Limit(plan, n, 0));
    }

    public DataFrame limit(long n, long offset) {
        return withPlan(new Limit(plan, n, offset));
    }

    /** The fan-in of the aggregation tree: how many partial results one combine task merges (default 8). */
    public DataFrame splitEvery(int n) {
        return new DataFrame(plan, options.withSplitEvery(n));
    }

    /** Runs this frame's actions on {@code scheduler} instead of the shared one. */
    public DataFrame withScheduler(Scheduler scheduler) {
        return new DataFrame(plan, options.withScheduler(scheduler));
    }

    /** Runs the plan and returns the result in memory. The caller owns (and closes) the table. */
    public Table compute() {
        schema();
        return execution().collect(options.scheduler());
    }

    /** The first {@code n} rows. */
    public Table head(int n) {
        return limit(n).compute();
    }

    /** How many rows the frame has, without materialising its columns where it can. */
    public long count() {
        schema();
        return execution().count(options.scheduler());
    }

    /** The logical plan and a summary of the task graph an action would run. */
    public String explain() {
        schema();
        PhysicalQuery q = PhysicalQuery.of(plan);
        List<String> outputs = new ArrayList<>();
        TaskGraph graph = execution().graph(Floe.rootAllocator(), outputs, false);
        StringBuilder sb = new StringBuilder();
        sb.append("== Logical plan ==\n").append(plan.treeString());
        sb.append("== Execution ==\n");
        int[] columns = q.scanColumns(false);
        sb.append("per partition (one task each, streaming): CsvScan");
        sb.append(columns == null ? " [all columns]" : " " + Arrays.stream(columns)
                .mapToObj(i -> q.scan().schema().field(i).name()).toList());
        for (LogicalPlan op : q.rowOps()) {
            sb.append(" -> ").append(op.describe());
        }
        sb.append(q.aggregate() != null ? " -> partial aggregate (chunk)\n" : " -> collect\n");
        if (q.aggregate() != null) {
            sb.append("reduction: combine ").append(options.splitEvery()).append(" at a time, then finalize\n");
        }
        if (!q.localOps().isEmpty()) {
            sb.append("on the result:");
            q.localOps().forEach(op -> sb.append(' ').append(op.describe()).append(';'));
            sb.append('\n');
        }
        sb.append("== Task graph ==\n").append(graph.summary()).append('\n');
        return sb.toString();
    }

    private QueryExecution execution() {
        return new QueryExecution(PhysicalQuery.of(plan), Floe.rootAllocator(), options.splitEvery());
    }

    @Override
    public String toString() {
        return "DataFrame\n" + plan.treeString();
    }
}
