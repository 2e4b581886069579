package dev.floe.sql;

import static java.util.Objects.requireNonNull;

import dev.floe.dataframe.DataFrame;
import dev.floe.dataframe.QueryFuture;
import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * An action without a {@link QueryFuture} of its own ({@code persist()} for CREATE TABLE ... AS,
 * {@code writeCsv}/{@code writeArrow} for COPY), made cancellable like a SELECT: it runs on a private
 * scheduler with as many workers as the session's, and {@link #cancel()} closes that scheduler, which
 * cancels the computation. The action then fails as the dataframe fails any cancelled query — its
 * tasks stop, its memory is released, a write removes what it had started — and {@link #run} throws a
 * {@link CancelledException}.
 *
 * <p>Threads: {@link #run} on the session's thread; {@link #cancel()} from any (the shell's Ctrl-C).
 */
final class CancellableAction<T> implements QueryFuture<T> {
    private final Scheduler scheduler;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    private CancellableAction(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code action} over {@code df}, telling {@code observer} first so that it can cancel it. */
    static <T> T run(DataFrame df, SqlSession.QueryObserver observer, Function<DataFrame, T> action) {
        requireNonNull(action, "action is null");
        if (observer == SqlSession.QueryObserver.NONE) {
            return action.apply(df);
        }
        CancellableAction<T> handle = new CancellableAction<>(Scheduler.create(df.options().scheduler().threads()));
        ProgressListener listener = observer.progress();
        DataFrame private_ = (listener == null ? df : df.withProgress(listener)).withScheduler(handle.scheduler);
        observer.started(handle, df);
        try {
            T value = action.apply(private_);
            handle.result.complete(value);
            return value;
        } catch (RuntimeException e) {
            if (handle.cancelled) {
                CancelledException c = new CancelledException("the statement was cancelled");
                c.addSuppressed(e);
                handle.result.completeExceptionally(c);
                throw c;
            }
            handle.result.completeExceptionally(e);
            throw e;
        } finally {
            handle.scheduler.close();
        }
    }

    @Override
    public T get() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public boolean cancel() {
        if (result.isDone()) {
            return false;
        }
        cancelled = true;
        scheduler.close();
        return true;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }
}
