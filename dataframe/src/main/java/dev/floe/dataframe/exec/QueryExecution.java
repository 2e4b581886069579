package dev.floe.dataframe.exec;

import dev.floe.dataframe.ExecutionOptions;
import dev.floe.dataframe.QueryFuture;
import dev.floe.dataframe.QueryMetrics;
import dev.floe.dataframe.Table;
import dev.floe.dataframe.Written;
import dev.floe.dataframe.plan.LogicalPlan;
import dev.floe.scheduler.Computation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one query: plans it with a {@link QueryPlanner}, submits the graph, waits, and releases the
 * query's memory whatever happens.
 *
 * <p>Each query gets its own allocator ({@code query-N}, a child of the root, limited to the frame's
 * memory limit); tasks get children of that. When the query ends — in success, failure or cancellation
 * — the scheduler has closed every intermediate result, the tasks still running have finished, and the
 * query's allocator is closed; closing it fails loudly if anything leaked. The result table has an
 * allocator of its own ({@code result-N}), owned by whoever holds the table.
 */
public final class QueryExecution {
    private static final Logger LOG = LoggerFactory.getLogger(QueryExecution.class);
    private static final AtomicLong IDS = new AtomicLong();

    private QueryExecution() {
    }

    public static QueryFuture<Table> collectAsync(LogicalPlan plan, ExecutionOptions options, BufferAllocator root) {
        long id = IDS.incrementAndGet();
        return start(options, root, id, p -> p.collect(plan, root, "result-" + id), (table, p, nanos, c) ->
                new Table(table.schema(), table.root(), table.allocator(), metrics(p, nanos, c)), Table.class);
    }

    public static long count(LogicalPlan plan, ExecutionOptions options, BufferAllocator root) {
        return start(options, root, IDS.incrementAndGet(), p -> p.count(plan), (n, p, nanos, c) -> n, Long.class).get();
    }

    /**
     * Computes every partition and moves its batches into {@code target} (an allocator that outlives the
     * query): for {@code persist()}. The result owns {@code target}; if the query fails or is
     * cancelled, {@code target} is closed here.
     */
    public static PersistedData persist(LogicalPlan plan, ExecutionOptions options, BufferAllocator root,
            BufferAllocator target) {
        long id = IDS.incrementAndGet();
        try {
            return start(options, root, id, p -> p.persist(plan),
                    (data, p, nanos, c) -> {
                        try {
                            return data.moveTo(target, true, metrics(p, nanos, c));
                        } catch (RuntimeException e) {
                            data.close();
                            throw e;
                        }
                    }, PersistedData.class).get();
        } catch (RuntimeException e) {
            target.close();   // failed, cancelled or not started: nothing was moved into it
            throw e;
        }
    }

    /** Writes the frame (see {@link QueryPlanner#write}); returns the rows written and what the query read. */
    public static Written write(LogicalPlan plan, ExecutionOptions options, BufferAllocator root, String path,
            dev.floe.dataframe.WriteFormat format, dev.floe.io.write.CsvWriteOptions csv, boolean singleFile) {
        QueryPlanner[] planner = new QueryPlanner[1];
        QueryMetrics[] metrics = new QueryMetrics[1];
        try {
            long rows = start(options, root, IDS.incrementAndGet(), p -> {
                planner[0] = p;
                return p.write(plan, path, format, csv, singleFile);
            }, (n, p, nanos, c) -> {
                metrics[0] = metrics(p, nanos, c);
                return n;
            }, Long.class).get();
            return new Written(rows, metrics[0]);
        } catch (RuntimeException e) {
            if (planner[0] != null && planner[0].pendingOutput() != null) {
                planner[0].pendingOutput().abort();
            }
            throw e;
        }
    }

    /** The task graph a collect would run, for {@code explain()}; runs nothing. */
    public static QueryPlanner.Planned plan(LogicalPlan plan, ExecutionOptions options, BufferAllocator root) {
        QueryPlanner planner = new QueryPlanner(options, root);
        return planner.collect(plan, root, "explain");
    }

    private interface Finisher<T> {
        T finish(T result, Planned planned, long nanos, Computation computation);
    }

    private record Planned(QueryPlanner planner, QueryPlanner.Planned graph) {
    }

    private static QueryMetrics metrics(Planned p, long nanos, Computation c) {
        return new QueryMetrics(p.planner().rowsRead(), p.planner().bytesRead(), p.planner().inputPartitions(),
                p.graph().graph().size(), nanos, p.graph().graph(), c.profile(), p.planner().rowsRejected(),
                p.planner().rejects(), p.planner().spillSpace().filesWritten(), p.planner().spillSpace().bytesWritten(),
                p.planner().utf8Replacements());
    }

    private static <T> QueryFuture<T> start(ExecutionOptions options, BufferAllocator root, long id,
            Function<QueryPlanner, QueryPlanner.Planned> plan, Finisher<T> finisher, Class<T> type) {
        long started = System.nanoTime();
        BufferAllocator queryAllocator = root.newChildAllocator("query-" + id, 0, options.memoryLimit());
        Computation computation;
        Planned planned;
        QueryPlanner planner = new QueryPlanner(options, queryAllocator);
        try {
            QueryPlanner.Planned graph = plan.apply(planner);
            planned = new Planned(planner, graph);
            computation = options.scheduler().submit(graph.graph(), List.of(graph.output()), options.submitOptions());
        } catch (RuntimeException e) {
            planner.spillSpace().close();
            queryAllocator.close();
            throw e;
        }
        return new Handle<>(computation, queryAllocator, planned, finisher, type, started, options.memoryLimit());
    }

    /** A running query; the first of get() or cancel() to finish releases its allocator. */
    private static final class Handle<T> implements QueryFuture<T> {
        private final Computation computation;
        private final BufferAllocator allocator;
        private final Planned planned;
        private final Finisher<T> finisher;
        private final Class<T> type;
        private final long started;
        private final long memoryLimit;
        private final AtomicBoolean released = new AtomicBoolean();

        Handle(Computation computation, BufferAllocator allocator, Planned planned, Finisher<T> finisher, Class<T> type,
                long started, long memoryLimit) {
            this.computation = computation;
            this.allocator = allocator;
            this.planned = planned;
            this.finisher = finisher;
            this.type = type;
            this.started = started;
            this.memoryLimit = memoryLimit;
        }

        @Override
        public T get() {
            Map<String, Object> results;
            try {
                results = computation.get();
            } catch (RuntimeException e) {
                computation.cancel();
                release();
                throw translate(e);
            }
            try {
                T result = type.cast(results.get(planned.graph().output()));
                try {
                    planned.planner().checkRejectBudget(); // max_rejects as a fraction, on the final totals
                } catch (RuntimeException e) {
                    if (result instanceof AutoCloseable closeable) {
                        closeQuietly(closeable, e);
                    }
                    throw e;
                }
                long nanos = System.nanoTime() - started;
                LOG.debug("query {} ran {} tasks in {} ms", allocator.getName(), planned.graph().graph().size(),
                        nanos / 1_000_000);
                return finisher.finish(result, planned, nanos, computation);
            } finally {
                release();
            }
        }

        @Override
        public boolean cancel() {
            boolean cancelled = computation.cancel();
            release();
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return computation.isDone();
        }

        /**
         * Waits until no task of the query runs, then closes its allocator (once). Synchronized: a
         * get() racing a cancel() returns only after the memory is released.
         */
        private synchronized void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                if (!computation.awaitQuiescence(60, TimeUnit.SECONDS)) {
                    LOG.warn("tasks of query {} were still running after 60 s; its memory and spill files are not released",
                            allocator.getName());
                    return;
                }
                planned.planner().spillSpace().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            allocator.close();
        }

        private static void closeQuietly(AutoCloseable c, RuntimeException failure) {
            try {
                c.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }

        private RuntimeException translate(RuntimeException e) {
            Throwable t = e;
            while (t != null) {
                if (t instanceof OutOfMemoryException) {
                    return new QueryMemoryException("the query needed more than its memory limit of "
                            + memoryLimit + " bytes (" + t.getMessage() + "); raise the limit with "
                            + "DataFrame.memoryLimit(bytes) (SQL: SET memory_limit = '4GB'), or read fewer columns", e);
                }
                t = t.getCause();
            }
            return e;
        }
    }

    /** A query that needed more off-heap memory than its limit. */
    public static final class QueryMemoryException extends RuntimeException {
        QueryMemoryException(String message, RuntimeException cause) {
            super(message, cause);
        }
    }
}
