package dev.floe.scheduler.internal;

import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.TaskContext;
import java.util.concurrent.atomic.AtomicLong;

/** The {@link TaskContext} of one attempt of one task of a {@link GraphRun}: counts what it reported. */
final class RunContext implements TaskContext {

    private final String key;
    private final GraphRun run;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong rowsOut = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final java.util.List<Runnable> undos = new java.util.concurrent.CopyOnWriteArrayList<>();

    RunContext(String key, GraphRun run) {
        this.key = key;
        this.run = run;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public boolean isCancelled() {
        return run.isStopping();
    }

    @Override
    public void checkCancelled() {
        if (run.isStopping()) {
            throw new CancelledException("task '" + key + "' stopped: " + run.stopReason());
        }
    }

    @Override
    public void reportProgress(long rows, long bytes) {
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("task '" + key + "' reported negative progress: rows " + rows
                    + ", bytes " + bytes);
        }
        if (run.isStopping()) {
            return;
        }
        this.rows.addAndGet(rows);
        this.bytes.addAndGet(bytes);
        run.addProgress(rows, bytes);
    }

    @Override
    public void reportOutput(long rows) {
        rowsOut.addAndGet(rows);
    }

    @Override
    public void onRetry(Runnable undo) {
        undos.add(java.util.Objects.requireNonNull(undo, "undo is null"));
    }

    /** What {@link #onRetry} registered, in order. */
    java.util.List<Runnable> undos() {
        return undos;
    }

    long rows() {
        return rows.get();
    }

    long rowsOut() {
        return rowsOut.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public String toString() {
        return "TaskContext[" + key + " of " + run + "]";
    }
}
