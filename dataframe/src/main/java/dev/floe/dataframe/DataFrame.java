package dev.floe.dataframe;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.exec.PartitionStream;
import dev.floe.dataframe.exec.PersistedData;
import dev.floe.dataframe.exec.Vectors;
import dev.floe.dataframe.exec.QueryExecution;
import dev.floe.dataframe.exec.QueryPlanner;
import dev.floe.dataframe.plan.Filter;
import dev.floe.dataframe.plan.InMemoryScan;
import dev.floe.dataframe.plan.Join;
import dev.floe.dataframe.plan.JoinType;
import dev.floe.dataframe.plan.Limit;
import dev.floe.dataframe.plan.MapBatches;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.dataframe.plan.Project;
import dev.floe.dataframe.plan.Repartition;
import dev.floe.dataframe.plan.Sort;
import dev.floe.dataframe.plan.WithColumns;
import dev.floe.expressions.Alias;
import dev.floe.expressions.Expr;
import dev.floe.expressions.Expressions;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.Schema;
import dev.floe.expressions.TypeChecker;
import dev.floe.io.write.CsvWriteOptions;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Scheduler;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A lazy, partitioned table: an immutable handle on a logical plan. Operations ({@link #filter},
 * {@link #select}, {@link #groupBy}, {@link #join}, ...) return new frames and read nothing; actions
 * ({@link #compute}, {@link #count}, {@link #head}, {@link #persist}) turn the plan into a task graph —
 * one streaming task per partition, then tree reductions, shuffles or broadcasts as the plan needs —
 * and run it on the shared scheduler.
 *
 * <p>Every operation type-checks its new plan node against its input's schema when it is called, as
 * Dask's frames do against their {@code meta}: an unknown column or operands whose types do not fit
 * throw a {@link PlanException} naming the expression and the types at once, before any task runs.
 * A frame straight from {@link Floe#readCsv} has read nothing yet; its first operation (or action,
 * or {@link #schema}) lists the files and infers the schema from a sample, once for that source —
 * the frames derived from it and their actions reuse the same listing, schema and splits.
 */
public final class DataFrame {
    private final LogicalPlan plan;
    private final ExecutionOptions options;
    /** The plan's schema once it has been checked; null until then (only for a frame straight from a source). */
    private volatile Schema schema;

    DataFrame(LogicalPlan plan, ExecutionOptions options) {
        this(plan, options, null);
    }

    private DataFrame(LogicalPlan plan, ExecutionOptions options, Schema schema) {
        this.plan = requireNonNull(plan, "plan is null");
        this.options = requireNonNull(options, "options is null");
        this.schema = schema;
    }

    /**
     * A frame of {@code p} with this frame's options, type-checked now: a mistake in the new node (an
     * unknown column, operand types that do not fit) throws the {@link PlanException} here, when the
     * operation is called, not when the frame is computed.
     */
    DataFrame withPlan(LogicalPlan p) {
        return new DataFrame(p, options, p.schema());
    }

    private DataFrame withExecution(ExecutionOptions o) {
        return new DataFrame(plan, o, schema);
    }

    /** The logical plan this frame stands for. */
    public LogicalPlan plan() {
        return plan;
    }

    public ExecutionOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- what it is

    /**
     * The columns and their types. Known from the moment a frame is built by an operation; for a frame
     * straight from {@link Floe#readCsv} the first call lists the files and infers the schema (once per
     * source: every frame derived from it, and every action, reuses that listing and schema).
     */
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = plan.schema();
            schema = s;
        }
        return s;
    }

    public List<String> columns() {
        return schema().names();
    }

    /** How many partitions the frame has: one per file split, one after an aggregation, as many as its input after a sort. */
    public int npartitions() {
        schema();
        return QueryExecution.plan(plan, options, Floe.rootAllocator()).partitions();
    }

    // ---------------------------------------------------------------- row-wise operations

    /** The rows for which {@code predicate} is TRUE (not FALSE, not NULL). */
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

    /** All columns, plus {@code name} computed by {@code expr} (replacing a column of that name, in place). */
    public DataFrame withColumn(String name, Expr expr) {
        return withColumns(Map.of(name, expr));
    }

    /** All columns, plus one per entry (in the map's order), replacing columns of the same name in place. */
    public DataFrame withColumns(Map<String, Expr> columns) {
        List<Alias> aliases = new ArrayList<>();
        columns.forEach((name, e) -> aliases.add(new Alias(e instanceof Alias a ? a.input() : e, name)));
        return withPlan(new WithColumns(plan, aliases));
    }

    /** All columns but the named ones (each must exist). */
    public DataFrame drop(String... names) {
        Schema schema = schema();
        List<String> dropped = Arrays.asList(names);
        for (String n : names) {
            if (schema.indexOf(n) < 0) {
                throw new PlanException("cannot drop " + TypeChecker.unknownColumn(n, schema));
            }
        }
        return select(schema.names().stream().filter(n -> !dropped.contains(n)).map(Expressions::col)
                .toArray(Expr[]::new));
    }

    /** The same columns, with those named in {@code renames} (old name to new name) renamed. */
    public DataFrame rename(Map<String, String> renames) {
        Schema schema = schema();
        for (String old : renames.keySet()) {
            if (schema.indexOf(old) < 0) {
                throw new PlanException("cannot rename " + TypeChecker.unknownColumn(old, schema));
            }
        }
        return select(schema.names().stream()
                .map(n -> renames.containsKey(n) ? Expressions.col(n).as(renames.get(n)) : Expressions.col(n))
                .toArray(Expr[]::new));
    }

    public DataFrame rename(String from, String to) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(from, to);
        return rename(m);
    }

    /**
     * Runs {@code function} over every batch of every partition; its output batches have the declared
     * {@code output} schema (declared up front: Floe never runs user code on made-up data to guess it).
     */
    public DataFrame mapPartitions(Schema output, BatchFunction function) {
        return withPlan(new MapBatches(plan, output, function));
    }

    // ---------------------------------------------------------------- grouping, sorting, joining

    /** Groups rows by the keys (columns or expressions; name them with {@code .as}). NULL keys form a group. */
    public GroupedDataFrame groupBy(Expr... keys) {
        Schema in = schema();
        for (Expr k : keys) {
            TypeChecker.typeOf(k, in);
        }
        return new GroupedDataFrame(this, Arrays.asList(keys));
    }

    public GroupedDataFrame groupBy(String... columns) {
        return groupBy(Arrays.stream(columns).map(Expressions::col).toArray(Expr[]::new));
    }

    /** A whole-frame reduction: one row with one column per aggregate. */
    public DataFrame agg(Expr... aggregates) {
        return groupBy(new Expr[0]).agg(aggregates);
    }

    /** The distinct rows. */
    public DataFrame distinct() {
        return groupBy(schema().names().toArray(String[]::new)).agg();
    }

    /** One row per distinct combination of the named columns (the first in file order is not promised). */
    public DataFrame dropDuplicates(String... columns) {
        if (columns.length == 0) {
            return distinct();
        }
        return groupBy(columns).agg();
    }

    /**
     * How many rows have each value of {@code column} (NULL included), most frequent first, ties in
     * ascending value order: pandas' {@code value_counts}. Columns: {@code column}, {@code count}.
     */
    public DataFrame valueCounts(String column) {
        return groupBy(column).agg(Expressions.countStar().as("count"))
                .sort(SortKey.desc("count").nullsFirst(false), SortKey.asc(column));
    }

    /**
     * Summary statistics of the numeric columns, as pandas' {@code describe()} gives them: one row per
     * statistic ({@code count}, {@code mean}, {@code std}, {@code min}, {@code 25%}, {@code 50%},
     * {@code 75%}, {@code max}), one DOUBLE column per numeric column. Computed in one pass (one
     * aggregation). The quantiles come from a mergeable sketch ({@link Quantiles}): exact, with pandas'
     * linear interpolation, for a column of at most 4,096 values; otherwise a value whose rank is within
     * {@code (floor(log2(n / 4096)) + 1) / 4095} of n of the exact one (0.1% at 60,000 values, 0.5% at
     * a billion). NULL and NaN are left out of the quantiles.
     */
    public Table describe() {
        Schema schema = schema();
        List<String> numeric = schema.fields().stream().filter(f -> f.type().isNumeric()).map(f -> f.name()).toList();
        if (numeric.isEmpty()) {
            throw new PlanException("describe() needs numeric columns; the columns are " + schema);
        }
        String[] stats = {"count", "mean", "std", "min", "25%", "50%", "75%", "max"};
        String[] prefixes = {"count", "mean", "std", "min", "p25", "p50", "p75", "max"};
        List<Expr> aggs = new ArrayList<>();
        for (String c : numeric) {
            Expr x = Expressions.col(c);
            aggs.add(Expressions.count(x).as("count_" + c));
            aggs.add(Expressions.mean(x).as("mean_" + c));
            aggs.add(Expressions.std(x).as("std_" + c));
            // min/max of a DECIMAL keep its type (read as a number below); of BIGINT, cast in the plan
            boolean decimal = schema.field(schema.indexOf(c)).type().isDecimal();
            Expr min = Expressions.min(x);
            Expr max = Expressions.max(x);
            aggs.add((decimal ? min : min.cast(dev.floe.expressions.FloeType.FLOAT64)).as("min_" + c));
            aggs.add(Quantiles.approxQuantile(x, 0.25).as("p25_" + c));
            aggs.add(Quantiles.approxQuantile(x, 0.50).as("p50_" + c));
            aggs.add(Quantiles.approxQuantile(x, 0.75).as("p75_" + c));
            aggs.add((decimal ? max : max.cast(dev.floe.expressions.FloeType.FLOAT64)).as("max_" + c));
        }
        List<dev.floe.expressions.Field> fields = new ArrayList<>();
        fields.add(new dev.floe.expressions.Field("statistic", dev.floe.expressions.FloeType.STRING));
        numeric.forEach(c -> fields.add(new dev.floe.expressions.Field(c, dev.floe.expressions.FloeType.FLOAT64)));
        Schema outSchema = new Schema(fields);
        try (Table one = agg(aggs.toArray(Expr[]::new)).compute()) {
            BufferAllocator allocator = Floe.rootAllocator().newChildAllocator("describe-" + System.nanoTime(), 0, Long.MAX_VALUE);
            VectorSchemaRoot out = VectorSchemaRoot.create(outSchema.toArrow(), allocator);
            try {
                out.allocateNew();
                for (int r = 0; r < stats.length; r++) {
                    ((org.apache.arrow.vector.VarCharVector) out.getVector(0)).setSafe(r,
                            stats[r].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    for (int c = 0; c < numeric.size(); c++) {
                        Object v = one.get(0, prefixes[r] + "_" + numeric.get(c));
                        org.apache.arrow.vector.Float8Vector col = (org.apache.arrow.vector.Float8Vector) out.getVector(c + 1);
                        if (v == null) {
                            col.setNull(r);
                        } else {
                            col.setSafe(r, ((Number) v).doubleValue());
                        }
                    }
                }
                out.setRowCount(stats.length);
                for (var v : out.getFieldVectors()) {
                    v.setValueCount(stats.length);
                }
                return new Table(outSchema, out, allocator, one.metrics());
            } catch (RuntimeException e) {
                out.close();
                allocator.close();
                throw e;
            }
        }
    }

    /** The distinct values of {@code column} (NULL included), in no promised order. */
    public DataFrame unique(String column) {
        return select(column).distinct();
    }

    /**
     * Sorts by the keys, the first key first: stable (rows with equal keys keep their order), NULLs
     * first or last as each key says, NaN above every number, strings by their UTF-8 bytes. Runs in
     * parallel and out of core, as Dask's and Spark's sorts do: the keys of every partition are sampled,
     * range boundaries chosen, every partition cut into the key ranges, and each range sorted by its
     * own task, spilling sorted runs to disk past {@link ExecutionOptions#withSortMemoryBudget} and
     * merging them as the range is read. The result has one partition per input partition, in key order.
     * Followed by {@link #limit} (or {@link #head}), only the top rows of each partition are kept.
     */
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

    /** The {@code n} rows with the largest values of {@code column} (NULLs last), largest first. */
    public DataFrame nlargest(int n, String column) {
        return sort(SortKey.desc(column).nullsFirst(false)).limit(n);
    }

    /** The {@code n} rows with the smallest values of {@code column} (NULLs last), smallest first. */
    public DataFrame nsmallest(int n, String column) {
        return sort(SortKey.asc(column)).limit(n);
    }

    public DataFrame limit(long n) {
        return withPlan(new Limit(plan, n, 0));
    }

    public DataFrame limit(long n, long offset) {
        return withPlan(new Limit(plan, n, offset));
    }

    /**
     * Every row of this frame, then every row of {@code other} (columns by position, named as in this
     * frame; SQL UNION ALL). Columns of different types are cast to their common type: DECIMAL(2,1) and
     * DECIMAL(3,1) give DECIMAL(3,1), BIGINT and DECIMAL(p,s) the smallest DECIMAL holding both, DOUBLE
     * and any number DOUBLE, DATE and TIMESTAMP TIMESTAMP, an untyped NULL column the other side's type;
     * types with none (VARCHAR and BIGINT) are a PlanException.
     */
    public DataFrame unionAll(DataFrame other) {
        return withPlan(Widening.union(plan, other.plan));
    }

    /**
     * Rows whose {@code leftKeys} equal {@code rightKeys} (NULL never matches). Output: this frame's
     * columns, then (INNER, LEFT) {@code right}'s, a clashing name getting the suffix {@code _right}. A
     * right side small enough is sent whole to every partition; larger ones are joined by shuffling.
     * Keys of different types are compared as their common type (as {@link #unionAll} chooses it: a
     * DECIMAL(10,2) key meets a DECIMAL(12,3) one as DECIMAL(12,3), BIGINT and DOUBLE as DOUBLE); the
     * output columns keep their own types. Keys with no common type are a PlanException.
     */
    public DataFrame join(DataFrame right, List<Expr> leftKeys, List<Expr> rightKeys, JoinType type) {
        return withPlan(join(plan, right.plan, leftKeys, rightKeys, type, List.of()));
    }

    /** A join on columns both frames name alike; each key column appears once (from this frame). */
    public DataFrame join(DataFrame right, JoinType type, String... on) {
        List<Expr> keys = Arrays.stream(on).map(Expressions::col).toList();
        return withPlan(join(plan, right.plan, keys, keys, type, Arrays.asList(on)));
    }

    /** The join with each pair of keys of different types cast to their common type. */
    private static Join join(LogicalPlan left, LogicalPlan right, List<Expr> leftKeys, List<Expr> rightKeys,
            JoinType type, List<String> dropRight) {
        if (leftKeys.size() == rightKeys.size()) {
            Schema ls = left.schema();
            Schema rs = right.schema();
            List<FloeType> lt = leftKeys.stream().map(k -> TypeChecker.typeOf(k, ls)).toList();
            List<FloeType> rt = rightKeys.stream().map(k -> TypeChecker.typeOf(k, rs)).toList();
            List<FloeType> common = new ArrayList<>();
            for (int i = 0; i < lt.size(); i++) {
                common.add(Widening.supertype(lt.get(i), rt.get(i)));
            }
            leftKeys = Widening.castKeys(leftKeys, lt, common);
            rightKeys = Widening.castKeys(rightKeys, rt, common);
        }
        return new Join(left, right, leftKeys, rightKeys, type, dropRight);
    }

    public DataFrame join(DataFrame right, String... on) {
        return join(right, JoinType.INNER, on);
    }

    /** The same rows spread over {@code n} partitions of about equal size. */
    public DataFrame repartition(int n) {
        return withPlan(new Repartition(plan, n));
    }

    // ---------------------------------------------------------------- execution knobs

    /** The fan-in of aggregation trees (default 8); {@link ExecutionOptions#NO_TREE} merges all at once. */
    public DataFrame splitEvery(int n) {
        return withExecution(options.withSplitEvery(n));
    }

    /** Runs this frame's actions on {@code scheduler} instead of the shared one. */
    public DataFrame withScheduler(Scheduler scheduler) {
        return withExecution(options.withScheduler(scheduler));
    }

    /** The most Arrow memory one query of this frame may hold at once; past it the query fails cleanly. */
    public DataFrame memoryLimit(long bytes) {
        return withExecution(options.withMemoryLimit(bytes));
    }

    /** Tells {@code listener} of every task started and finished and of rows and bytes read. */
    public DataFrame withProgress(ProgressListener listener) {
        return withExecution(options.withListener(listener));
    }

    public DataFrame withOptions(ExecutionOptions o) {
        return withExecution(o);
    }

    // ---------------------------------------------------------------- actions

    /** Runs the plan and returns the result in memory. The caller owns (and closes) the table. */
    public Table compute() {
        return computeAsync().get();
    }

    /** Starts the query in the background; {@link QueryFuture#cancel()} stops it and frees its memory. */
    public QueryFuture<Table> computeAsync() {
        schema();
        return QueryExecution.collectAsync(plan, options, Floe.rootAllocator());
    }

    /**
     * The first {@code n} rows, computing partitions one after another (the next one in the background)
     * and stopping as soon as it has them: a head of a large frame reads only its first files.
     */
    public Table head(int n) {
        if (plan instanceof Sort) {
            // the first n rows of a sort are its top n: no full sort
            return withPlan(new dev.floe.dataframe.plan.Limit(plan, n, 0)).head(n);
        }
        Schema schema = schema();
        BufferAllocator allocator = Floe.rootAllocator().newChildAllocator("head-" + System.nanoTime(), 0, Long.MAX_VALUE);
        VectorSchemaRoot out = null;
        long started = System.nanoTime();
        try {
            PartitionStream stream = new PartitionStream(plan, options, Floe.rootAllocator(), n);
            int read = 0;
            try (stream) {
                out = VectorSchemaRoot.create(schema.toArrow(), allocator);
                out.allocateNew();
                while (out.getRowCount() < n && stream.next()) {
                    read++;
                    for (VectorSchemaRoot b : stream.batches()) {
                        int take = Math.min(b.getRowCount(), n - out.getRowCount());
                        Vectors.appendRange(b, 0, take, out);
                    }
                }
            }
            // after the close, when no task of the stream runs: the rows it read and rejected, never dropped silently
            return new Table(schema, out, allocator, stream.metrics(read, System.nanoTime() - started));
        } catch (RuntimeException e) {
            if (out != null) {
                out.close();
            }
            allocator.close();
            throw e;
        }
    }

    /**
     * The frame's rows as a stream of Arrow batches, computed partition by partition as they are read
     * (about two partitions in memory at a time). Each batch is valid until the next call to
     * {@link BatchStream#next()}; close the stream when done.
     */
    public BatchStream toBatches() {
        schema();
        return new BatchStream(new PartitionStream(plan, options, Floe.rootAllocator(), Long.MAX_VALUE));
    }

    /** How many rows the frame has, without converting columns no one needs. */
    public long count() {
        schema();
        return QueryExecution.count(plan, options, Floe.rootAllocator());
    }

    /**
     * Writes the frame as CSV: a directory of one file per partition ({@code part-00000.csv}, ..., then
     * an empty {@code _SUCCESS}), or one file when {@code singleFile}. Local paths or any Hadoop file
     * system URI. Nothing appears under the final names until everything is written. Returns the rows
     * written.
     */
    public long writeCsv(String path, CsvWriteOptions csv, boolean singleFile) {
        return write(path, WriteFormat.CSV, csv, singleFile).rows();
    }

    /**
     * Writes the frame as {@code format} ({@link #writeCsv(String, CsvWriteOptions, boolean)},
     * {@link #writeArrow}; {@code csv} applies to CSV only) and says what the query did: the rows written, and
     * what it read and rejected ({@link Written#metrics()}).
     */
    public Written write(String path, WriteFormat format, CsvWriteOptions csv, boolean singleFile) {
        schema();
        return QueryExecution.write(plan, options, Floe.rootAllocator(), path, format, csv, singleFile);
    }

    /** {@link #writeCsv(String, CsvWriteOptions, boolean)} with a header and commas, one file per partition. */
    public long writeCsv(String directory) {
        return writeCsv(directory, CsvWriteOptions.defaults(), false);
    }

    /** Writes the frame as Arrow IPC files: one per partition into a directory, or one file. */
    public long writeArrow(String path, boolean singleFile) {
        return write(path, WriteFormat.ARROW, CsvWriteOptions.defaults(), singleFile).rows();
    }

    /**
     * Computes every partition once and keeps the batches in memory; the returned frame reads them
     * instead of recomputing. Free them with {@link PersistedFrame#close()}.
     */
    public PersistedFrame persist() {
        schema();
        BufferAllocator target = Floe.rootAllocator().newChildAllocator("persist-" + System.identityHashCode(this) + "-"
                + System.nanoTime(), 0, Long.MAX_VALUE);
        PersistedData data = QueryExecution.persist(plan, options, Floe.rootAllocator(), target);
        return new PersistedFrame(new DataFrame(new InMemoryScan(data), options), data);
    }

    /** The logical plan and a summary of the task graph an action would run. */
    public String explain() {
        schema();
        QueryPlanner.Planned planned = QueryExecution.plan(plan, options, Floe.rootAllocator());
        return "== Logical plan ==\n" + plan.treeString()
                + "== Task graph ==\n" + planned.graph().summary() + "\n"
                + GraphDescription.stages(planned);
    }

    /**
     * Runs the query and describes what it did: the plan, then per kind of task the count, wall and CPU
     * time, time waiting to start, the slowest task, and rows and bytes read (the result is dropped).
     */
    public String explainAnalyze() {
        try (Table t = compute()) {
            QueryMetrics m = t.metrics();
            return explain() + "== Profile ==\n" + m.profile().toTable()
                    + String.format(java.util.Locale.ROOT, "%d rows out, %,d rows and %,d bytes read, %d tasks, %.3f s%n",
                            t.rowCount(), m.rowsRead(), m.bytesRead(), m.tasks(), m.elapsedSeconds());
        }
    }

    /**
     * Writes a picture of the task graph an action would run, as Graphviz DOT ({@code .dot}) or a
     * self-contained HTML page with an SVG drawing ({@code .html}); see {@link Table#visualize} for
     * the graph of a finished run coloured by task duration.
     */
    public void visualize(java.nio.file.Path path) {
        schema();
        TaskGraph.visualize(QueryExecution.plan(plan, options, Floe.rootAllocator()).graph(), null, path);
    }

    @Override
    public String toString() {
        return "DataFrame\n" + plan.treeString();
    }
}
