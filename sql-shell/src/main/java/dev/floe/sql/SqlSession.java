package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.PersistedFrame;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.QueryFuture;
import dev.floe.dataframe.Table;
import dev.floe.expressions.Field;
import dev.floe.expressions.FloeType;
import dev.floe.expressions.PlanException;
import dev.floe.expressions.TypeChecker;
import dev.floe.io.CsvOptions;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One user's SQL session, shared by batch runs and the interactive shell: the catalog of views and
 * tables, the settings ({@code SET}), and the running of statements.
 *
 * <p>A view keeps its query and is planned again at each use (so a view over {@code 'logs/*.csv'} sees
 * new files); a table is computed once by {@code CREATE TABLE ... AS} and held in memory until it is
 * dropped, replaced or the session is closed. Settings apply to every later statement: {@code threads}
 * (a scheduler of that many workers, owned by the session), {@code memory_limit}, {@code split_every},
 * {@code block_size} (for {@code read_csv}) and {@code format} (read by the CLI).
 *
 * <p>Not thread-safe: one statement at a time. The only call that may come from another thread is a
 * cancel of the running query, through the {@link QueryObserver}: a SELECT, and also a
 * {@code CREATE TABLE ... AS} or a {@code COPY}, which then run on a private scheduler of the same size
 * ({@link CancellableAction}) so that a cancel leaves no table, no output and no memory behind.
 */
public final class SqlSession implements AutoCloseable {
    /** Told when a query starts running, so a caller can cancel it (Ctrl-C) or show progress. */
    public interface QueryObserver {
        /** The query is running; {@code query.cancel()} stops it. */
        void started(QueryFuture<?> query, DataFrame frame);

        /** Told of the query's tasks and rows (a progress bar), or null. */
        default ProgressListener progress() {
            return null;
        }

        QueryObserver NONE = (q, f) -> { };
    }

    /** The settings {@code SET} knows, with what each takes. */
    public static final Map<String, String> SETTINGS = new TreeMap<>(Map.of(
            "threads", "a number of worker threads, e.g. SET threads = 4",
            "memory_limit", "a size, e.g. SET memory_limit = '4GB'",
            "block_size", "a size, e.g. SET block_size = '16MB' (how read_csv splits files)",
            "split_every", "the fan-in of aggregation trees, at least 2, e.g. SET split_every = 8",
            "format", "table, csv, json or markdown"));

    public static final List<String> FORMATS = List.of("table", "csv", "json", "markdown");

    private sealed interface Entry permits View, StoredTable, Rejects {
    }

    /** {@code reject_errors}: the rejected rows of the last query that read with store_rejects. */
    private record Rejects(Table table, DataFrame frame) implements Entry {
    }

    private record View(Query query) implements Entry {
    }

    private record StoredTable(PersistedFrame data) implements Entry {
    }

    private final Map<String, Entry> catalog = new LinkedHashMap<>();
    private final Map<String, List<String>> columnsSeen = new TreeMap<>();
    private ExecutionOptions options = ExecutionOptions.defaults();
    private CsvOptions csvDefaults = CsvOptions.defaults();
    private Scheduler ownScheduler;
    private String format = "table";

    public String format() {
        return format;
    }

    public void setFormat(String f) {
        String lower = f.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(lower)) {
            throw new PlanException("unknown format '" + f + "'; formats: " + String.join(", ", FORMATS));
        }
        format = lower;
    }

    public ExecutionOptions executionOptions() {
        return options;
    }

    public CsvOptions csvDefaults() {
        return csvDefaults;
    }

    /** The views and tables, by name. */
    public Set<String> tableNames() {
        return new TreeSet<>(catalog.keySet());
    }

    /**
     * Column names known without reading anything new: those of every source and result this session
     * has planned (for completion).
     */
    public Set<String> knownColumns() {
        Set<String> all = new TreeSet<>();
        columnsSeen.values().forEach(all::addAll);
        return all;
    }

    /**
     * The columns known without reading anything new for one source: a view or table by name, or a
     * {@code read_csv} glob or quoted path this session has planned; empty if none is known (for completion).
     */
    public List<String> columnsOf(String name) {
        List<String> c = columnsSeen.get(name);
        return c == null ? List.of() : c;
    }

    /** Parses a script into statements. */
    public List<Statement> parse(String script) {
        return SqlParser.parseStatements(script);
    }

    /** Plans a query in this session (its views and tables, its read_csv defaults and settings). */
    public DataFrame plan(Query q) {
        DataFrame df = SqlPlanner.plan(q, catalogView(), csvDefaults, this::remember).withOptions(options);
        remember("result", df.columns());
        return df;
    }

    /** Runs one statement; the caller closes the result. */
    public SqlResult execute(Statement s) {
        return execute(s, QueryObserver.NONE);
    }

    public SqlResult execute(Statement s, QueryObserver observer) {
        requireNonNull(s, "statement is null");
        long started = System.nanoTime();
        if (s instanceof Statement.QueryStatement q) {
            DataFrame df = plan(q.query());
            Table t = run(df, observer);
            storeRejects(df, t.metrics());
            return new SqlResult.Rows(t, System.nanoTime() - started);
        }
        if (s instanceof Statement.CreateView v) {
            checkCreate(v.name(), v.orReplace(), "view");
            DataFrame df = SqlPlanner.plan(v.query(), catalogView(), csvDefaults); // checks it plans
            remember(v.name(), df.columns());
            replace(v.name(), new View(v.query()));
            return new SqlResult.Message("Created view " + v.name() + " (" + df.columns().size() + " columns)",
                    System.nanoTime() - started);
        }
        if (s instanceof Statement.CreateTable c) {
            checkCreate(c.name(), c.orReplace(), "table");
            DataFrame df = plan(c.query());
            PersistedFrame data = CancellableAction.run(df, observer, DataFrame::persist);
            remember(c.name(), data.frame().columns());
            replace(c.name(), new StoredTable(data));
            storeRejects(df, data.metrics());
            return new SqlResult.Message(String.format(Locale.ROOT, "Created table %s (%,d rows)", c.name(),
                    data.rowCount()) + RejectErrors.summary(data.metrics()), System.nanoTime() - started);
        }
        if (s instanceof Statement.Drop d) {
            Entry e = catalog.get(d.name());
            String kind = d.kind().toLowerCase(Locale.ROOT);
            if (e == null || (kind.equals("view") != (e instanceof View))) {
                if (d.ifExists() && e == null) {
                    return new SqlResult.Message("Nothing to drop", System.nanoTime() - started);
                }
                throw new PlanException(e == null ? "no " + kind + " called '" + d.name() + "'"
                        : "'" + d.name() + "' is a " + (e instanceof View ? "view" : "table") + "; use DROP "
                        + (e instanceof View ? "VIEW" : "TABLE"));
            }
            replace(d.name(), null);
            return new SqlResult.Message("Dropped " + kind + " " + d.name(), System.nanoTime() - started);
        }
        if (s instanceof Statement.ShowTables) {
            List<Object[]> rows = new ArrayList<>();
            catalog.forEach((name, e) -> rows.add(new Object[] {name, e instanceof View ? "view" : "table"}));
            rows.sort(Comparator.comparing(r -> (String) r[0]));
            return new SqlResult.Rows(ResultTables.of(List.of("name", "kind"), List.of(FloeType.STRING, FloeType.STRING),
                    rows), System.nanoTime() - started);
        }
        if (s instanceof Statement.Describe d) {
            DataFrame df = plan(d.query());
            CsvOptions csv = csvSource(d.query());
            Map<String, String> why = csv == null ? Map.of() : typeReasons(df.plan());
            List<Object[]> rows = new ArrayList<>();
            for (Field f : df.schema().fields()) {
                rows.add(new Object[] {f.name(), f.type().sqlName(), csv == null ? "computed by the query" : origin(f, csv),
                        why.get(f.name())});
            }
            return new SqlResult.Rows(ResultTables.of(List.of("column_name", "column_type", "origin", "why"),
                    List.of(FloeType.STRING, FloeType.STRING, FloeType.STRING, FloeType.STRING), rows),
                    System.nanoTime() - started);
        }
        if (s instanceof Statement.Explain e) {
            return explain(e, observer, started);
        }
        if (s instanceof Statement.Set set) {
            return new SqlResult.Message(set(set.name(), set.value()), System.nanoTime() - started);
        }
        if (s instanceof Statement.Copy c) {
            DataFrame df = plan(c.query());
            return CancellableAction.run(df, observer,
                    d -> CopyWriter.copy(c, d, started, metrics -> storeRejects(df, metrics)));
        }
        throw new IllegalStateException("statement not handled: " + s.toSql());
    }

    /** The CSV options when {@code q} is {@code SELECT * FROM read_csv(...)} (DESCRIBE of a file), else null. */
    private CsvOptions csvSource(Query q) {
        if (q instanceof SelectStatement s && s.items().size() == 1 && s.items().get(0) instanceof SelectItem.Star
                && s.where() == null) {
            Source from = s.from() instanceof Source.Aliased a ? a.source() : s.from();
            if (from instanceof Source.ReadCsv csv) {
                return SqlPlanner.csvOptions(csv, csvDefaults);
            }
        }
        return null;
    }

    /** Why each column of the one CSV scan in {@code plan} has its type (schema inference's reasons), or none. */
    private static Map<String, String> typeReasons(dev.floe.dataframe.plan.LogicalPlan plan) {
        if (plan instanceof dev.floe.dataframe.plan.CsvScan scan) {
            return scan.dataset().typeReasons();
        }
        List<dev.floe.dataframe.plan.LogicalPlan> inputs = plan.inputs();
        return inputs.size() == 1 ? typeReasons(inputs.get(0)) : Map.of();
    }

    /** Why a CSV column has its type, as far as the options tell. */
    private static String origin(Field f, CsvOptions csv) {
        if (csv.types().containsKey(f.name())) {
            return "declared (types)";
        }
        if (csv.allVarchar()) {
            return "all_varchar";
        }
        if (csv.timestampColumns().contains(f.name())) {
            return "declared a timestamp column";
        }
        return csv.sampleSize() < 0 ? "inferred from every row"
                : "inferred from sampled rows (sample_size " + csv.sampleSize() + ")";
    }

    private SqlResult explain(Statement.Explain e, QueryObserver observer, long started) {
        DataFrame df = plan(e.query());
        if (!e.analyze()) {
            return new SqlResult.Text(df.explain(), System.nanoTime() - started);
        }
        return new SqlResult.Text(df.explainAnalyze(), System.nanoTime() - started);
    }

    private Table run(DataFrame df, QueryObserver observer) {
        ProgressListener listener = observer.progress();
        QueryFuture<Table> future = (listener == null ? df : df.withProgress(listener)).computeAsync();
        observer.started(future, df);
        return future.get();
    }

    /**
     * After a query of {@code df} (a SELECT, CREATE TABLE ... AS or COPY) that read with store_rejects: replaces
     * {@code reject_errors} with its rejects (unless the user has a table of that name).
     */
    private void storeRejects(DataFrame df, QueryMetrics metrics) {
        if (!RejectErrors.stores(df.plan())) {
            return;
        }
        Entry old = catalog.get(RejectErrors.NAME);
        if (old != null && !(old instanceof Rejects)) {
            return;
        }
        Table rejects = RejectErrors.table(metrics.rejects());
        remember(RejectErrors.NAME, RejectErrors.COLUMNS);
        replace(RejectErrors.NAME, new Rejects(rejects, dev.floe.dataframe.Floe.fromTable(rejects)));
    }

    private void checkCreate(String name, boolean orReplace, String kind) {
        Entry e = catalog.get(name);
        if (e != null && !orReplace) {
            throw new PlanException((e instanceof View ? "a view" : "a table") + " called '" + name
                    + "' exists already; use CREATE OR REPLACE " + kind.toUpperCase(Locale.ROOT) + " or DROP it first");
        }
    }

    private void replace(String name, Entry next) {
        Entry old = next == null ? catalog.remove(name) : catalog.put(name, next);
        if (old instanceof StoredTable t) {
            t.data().close();
        } else if (old instanceof Rejects r) {
            r.table().close();
        }
        if (next == null) {
            columnsSeen.remove(name);
        }
    }

    private void remember(String name, List<String> columns) {
        columnsSeen.put(name, List.copyOf(columns));
    }

    /**
     * The catalog as the planner sees it for one statement: a view is planned at its first use in the
     * statement and that frame reused (so a view joined with itself infers its files' schema once).
     */
    private SqlPlanner.Catalog catalogView() {
        Map<String, DataFrame> planned = new java.util.HashMap<>();
        return new SqlPlanner.Catalog() {
            @Override
            public DataFrame lookup(String name) {
                Entry e = catalog.get(name);
                if (e instanceof StoredTable t) {
                    return t.data().frame();
                }
                if (e instanceof Rejects r) {
                    return r.frame();
                }
                if (e instanceof View v) {
                    DataFrame df = planned.get(name);
                    if (df == null) {
                        df = SqlPlanner.plan(v.query(), this, csvDefaults);
                        planned.put(name, df);
                    }
                    return df;
                }
                return null;
            }

            @Override
            public Collection<String> names() {
                return catalog.keySet();
            }
        };
    }

    // ---- SET ----

    /** Applies a setting; returns what was done. */
    public String set(String name, Object value) {
        switch (name) {
            case "threads": {
                int n = (int) positive(name, value, false);
                Scheduler next = Scheduler.create(n);
                options = options.withScheduler(next);
                if (ownScheduler != null) {
                    ownScheduler.close();
                }
                ownScheduler = next;
                return "Set threads to " + n;
            }
            case "memory_limit":
                options = options.withMemoryLimit(positive(name, value, true));
                return "Set memory_limit to " + ByteSizes.format(options.memoryLimit());
            case "block_size":
                csvDefaults = csvDefaults.withBlockSize(positive(name, value, true));
                return "Set block_size to " + ByteSizes.format(csvDefaults.blockSize());
            case "split_every": {
                long n = positive(name, value, false);
                if (n < 2) {
                    throw new PlanException("split_every must be at least 2, got " + n);
                }
                options = options.withSplitEvery((int) Math.min(n, Integer.MAX_VALUE));
                return "Set split_every to " + n;
            }
            case "format":
            case "output_format":
                setFormat(String.valueOf(value));
                return "Set format to " + format;
            default: {
                String nearest = SETTINGS.keySet().stream()
                        .min(Comparator.comparingInt((String k) -> TypeChecker.editDistance(k, name))).orElseThrow();
                String hint = TypeChecker.editDistance(nearest, name) <= 3 ? "; did you mean '" + nearest + "'?" : ".";
                throw new PlanException("unknown setting '" + name + "'" + hint + " Settings: "
                        + String.join(", ", SETTINGS.keySet()));
            }
        }
    }

    private static long positive(String name, Object value, boolean size) {
        long n;
        if (value instanceof Long l) {
            n = l;
        } else if (size && value instanceof String s) {
            n = ByteSizes.parse(s);
        } else {
            throw new PlanException(name + " takes " + SETTINGS.get(name) + ", not " + value);
        }
        if (n <= 0) {
            throw new PlanException(name + " must be positive, got " + n);
        }
        return n;
    }

    /** Frees the tables held in memory and the session's scheduler. */
    @Override
    public void close() {
        for (Entry e : catalog.values()) {
            if (e instanceof StoredTable t) {
                t.data().close();
            } else if (e instanceof Rejects r) {
                r.table().close();
            }
        }
        catalog.clear();
        if (ownScheduler != null) {
            ownScheduler.close();
            ownScheduler = null;
        }
    }
}
