package dev.floe.scheduler.internal;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.Computation;
import dev.floe.scheduler.ComputationProfile;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.ProgressSnapshot;
import dev.floe.scheduler.SubmitOptions;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskFailedException;
import dev.floe.scheduler.TaskGraph;
import dev.floe.scheduler.TaskProfile;
import dev.floe.scheduler.internal.Resources.Held;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one computation: one culled graph being run. The state model, the ownership rule and
 * the concurrency rule are described on {@link dev.floe.scheduler.Scheduler}. Tasks are numbered by
 * their static priority (0 runs first); every field below "guarded by lock" is read and written only
 * while holding the scheduler's lock; the "...Locked" methods assume it is held. Task functions,
 * listeners and close() calls always run without it.
 */
public final class GraphRun implements Computation {

    private static final Logger log = LoggerFactory.getLogger(GraphRun.class);

    private enum Status { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** A task handed to a thread, with its inputs: run it with {@link #execute()} without the lock. */
    public record Started(GraphRun run, int index, List<Object> inputs) {
        public void execute() {
            run.execute(this);
        }
    }

    private record Failure(String key, String description, Throwable cause, int attempts) {}

    /** How one task's attempts ended, measured on its thread. */
    private record Outcome(Object result, Throwable error, int attempts, long cpuNanos, long rows, long bytes,
            long rowsOut) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SchedulerCore core;
    private final ReentrantLock lock;
    private final Condition changed;
    private final long id;
    private final Task[] tasks;
    private final int[][] inputSlots;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final boolean[] isOutput;
    private final List<String> outputs;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ProgressListener> brokenListeners = ConcurrentHashMap.newKeySet();
    private final int maxInFlight;
    private final int retries;
    private final Predicate<Throwable> retryOn;
    private final long retryBackoffNanos;
    private final long startNanos = System.nanoTime();
    private final LongAdder totalRows = new LongAdder();
    private final LongAdder totalBytes = new LongAdder();

    // guarded by lock
    private final int[] waiting;
    private final int[] remainingDependents;
    private final int[] pins;
    private final Object[] results;
    private final boolean[] held;
    private final IdentityHashMap<Object, Integer> closeableRefs = new IdentityHashMap<>();
    private final BitSet ready = new BitSet();
    private int running;
    private int finished;
    private int heldCount;
    private int pendingCloses;
    private Failure failure;
    private Map<String, Object> outputResults;
    private long endNanos;
    /**
     * Set once every listener has been told {@code done}: {@link #get} waits for it, so a caller that
     * prints the result after {@code get} returns never races a progress bar still being erased. The
     * thread telling the listeners does not wait for itself (a listener may call {@code get}).
     */
    private boolean endAnnounced;
    private Thread announcer;
    // the profile, guarded by lock; times relative to startNanos
    private final long[] readyAt;
    private final long[] startAt;
    private final long[] endAt;
    private final long[] cpuOf;
    private final long[] rowsOf;
    private final long[] rowsOutOf;
    private final long[] bytesOf;
    private final int[] attemptsOf;
    private final boolean[] failedOf;
    private final String[] threadOf;
    private final List<Integer> startOrder = new ArrayList<>();
    boolean inRing;

    private volatile Status status = Status.RUNNING;

    /** @param graph culled to the outputs; @param outputs distinct keys of tasks of the graph */
    GraphRun(SchedulerCore core, long id, TaskGraph graph, List<String> outputs, SubmitOptions options) {
        this.core = core;
        this.maxInFlight = options.maxTasksInFlight();
        this.retries = options.retries();
        this.retryOn = options.retryOn();
        this.retryBackoffNanos = options.retryBackoff().toNanos();
        this.lock = core.lock();
        this.changed = lock.newCondition();
        this.id = id;
        this.outputs = List.copyOf(outputs);
        List<String> order = graph.order(outputs);
        int n = order.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(order.get(i), i);
        }
        tasks = new Task[n];
        inputSlots = new int[n][];
        dependencies = new int[n][];
        waiting = new int[n];
        int[] dependentCounts = new int[n];
        for (int i = 0; i < n; i++) {
            tasks[i] = graph.task(order.get(i));
            inputSlots[i] = tasks[i].dependencies().stream().mapToInt(index::get).toArray();
            dependencies[i] = Arrays.stream(inputSlots[i]).distinct().toArray();
            waiting[i] = dependencies[i].length;
            for (int d : dependencies[i]) {
                dependentCounts[d]++;
            }
            if (waiting[i] == 0) {
                ready.set(i);
            }
        }
        dependents = new int[n][];
        remainingDependents = new int[n];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[dependentCounts[i]];
            remainingDependents[i] = dependentCounts[i];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d : dependencies[i]) {
                dependents[d][filled[d]++] = i;
            }
        }
        isOutput = new boolean[n];
        outputs.forEach(key -> isOutput[index.get(key)] = true);
        pins = new int[n];
        results = new Object[n];
        held = new boolean[n];
        readyAt = new long[n];
        startAt = new long[n];
        endAt = new long[n];
        cpuOf = new long[n];
        rowsOf = new long[n];
        rowsOutOf = new long[n];
        bytesOf = new long[n];
        attemptsOf = new int[n];
        failedOf = new boolean[n];
        threadOf = new String[n];
        if (n == 0) {
            outputResults = Map.of();
            status = Status.SUCCEEDED;
            endNanos = startNanos;
            endAnnounced = true;
        }
    }

    long id() {
        return id;
    }

    int size() {
        return tasks.length;
    }

    boolean isStopping() {
        return status != Status.RUNNING;
    }

    String stopReason() {
        return "computation #" + id + (status == Status.CANCELLED ? " was cancelled" : " failed");
    }

    // ---- picking and running tasks --------------------------------------------------------------

    /** A task is ready and the in-flight limit allows starting it. */
    boolean hasReadyLocked() {
        return status == Status.RUNNING && !ready.isEmpty() && running < maxInFlight;
    }

    /** Takes the ready task of best static priority; requires {@link #hasReadyLocked()}. */
    Started startLocked() {
        int i = ready.nextSetBit(0);
        ready.clear(i);
        running++;
        startAt[i] = System.nanoTime() - startNanos;
        startOrder.add(i);
        for (int d : dependencies[i]) {
            pins[d]++;
        }
        Object[] inputs = new Object[inputSlots[i].length];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = results[inputSlots[i][k]];
        }
        return new Started(this, i, Collections.unmodifiableList(Arrays.asList(inputs)));
    }

    private void execute(Started started) {
        Task task = tasks[started.index()];
        if (status == Status.RUNNING) {
            notifyListeners(l -> l.taskStarted(task.key(), task.kind()));
        }
        long start = System.nanoTime();
        Outcome outcome = runAttempts(task, started.inputs());
        long end = System.nanoTime();
        if (outcome.error() == null && status == Status.RUNNING) {
            notifyListeners(l -> l.taskFinished(task.key(), task.kind(), end - start));
        }
        List<Held> toClose = new ArrayList<>();
        boolean ended;
        lock.lock();
        try {
            int i = started.index();
            endAt[i] = end - startNanos;
            cpuOf[i] = outcome.cpuNanos();
            rowsOf[i] = outcome.rows();
            rowsOutOf[i] = outcome.rowsOut();
            bytesOf[i] = outcome.bytes();
            attemptsOf[i] = outcome.attempts();
            failedOf[i] = outcome.error() != null;
            threadOf[i] = Thread.currentThread().getName();
            boolean wasRunning = status == Status.RUNNING;
            finishLocked(i, outcome, toClose);
            ended = wasRunning && status != Status.RUNNING;
        } finally {
            lock.unlock();
        }
        closeAndSettle(toClose);
        if (ended) {
            onEnded();
        }
    }

    /**
     * Runs the task, and again after a backoff while it fails with an error {@code retryOn} accepts,
     * at most {@code retries} more times, and only while the computation is running. What a failed
     * attempt reported is taken back from the totals, so a retried task's rows count once.
     */
    private Outcome runAttempts(Task task, List<Object> inputs) {
        boolean measureCpu = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        long cpuStart = measureCpu ? THREADS.getCurrentThreadCpuTime() : 0;
        for (int attempt = 1; ; attempt++) {
            RunContext context = new RunContext(task.key(), this);
            Object result = null;
            Throwable error = null;
            try {
                result = task.function().run(context, inputs);
            } catch (Throwable t) {
                error = t;
            }
            if (error != null && attempt <= retries && status == Status.RUNNING && isRetryable(task, error)) {
                long backoff = retryBackoffNanos << Math.min(attempt - 1, 20);
                log.warn("computation #{}: task {} failed (attempt {} of {}), retrying in {} ms: {}", id,
                        task.displayName(), attempt, retries + 1, TimeUnit.NANOSECONDS.toMillis(backoff), error.toString());
                takeBack(context);
                if (sleepUnlessStopping(backoff)) {
                    continue;
                }
            }
            long cpu = measureCpu ? THREADS.getCurrentThreadCpuTime() - cpuStart : -1;
            return new Outcome(result, error, attempt, cpu, context.rows(), context.bytes(), context.rowsOut());
        }
    }

    private boolean isRetryable(Task task, Throwable error) {
        try {
            return retryOn.test(error);
        } catch (RuntimeException e) {
            log.warn("computation #{}: the retryOn predicate failed on the error of task {}; not retrying: {}",
                    id, task.displayName(), e.toString(), e);
            return false;
        }
    }

    /** Sleeps in slices, returning early (false) when the computation stops or the thread is interrupted. */
    private boolean sleepUnlessStopping(long nanos) {
        long deadline = System.nanoTime() + nanos;
        try {
            for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
                if (isStopping()) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !isStopping();
    }

    /** Called by {@link RunContext#reportProgress}, on the task's thread. */
    void addProgress(long rows, long bytes) {
        totalRows.add(rows);
        totalBytes.add(bytes);
        if (status == Status.RUNNING) {
            for (ProgressListener listener : listeners) { // no lambda: this runs once per batch
                try {
                    listener.progress(rows, bytes);
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    notify(listener, l -> {
                        throw e;
                    });
                }
            }
        }
    }

    private void takeBack(RunContext failedAttempt) {
        long rows = failedAttempt.rows();
        long bytes = failedAttempt.bytes();
        if (rows != 0 || bytes != 0) {
            addProgress(-rows, -bytes);
        }
        for (Runnable undo : failedAttempt.undos()) {
            try {
                undo.run();
            } catch (RuntimeException e) {
                log.warn("computation #{}: undoing a failed attempt of task {} failed: {}", id, failedAttempt.key(),
                        e.toString(), e);
            }
        }
    }

    private void finishLocked(int i, Outcome outcome, List<Held> toClose) {
        Object result = outcome.result();
        Throwable error = outcome.error();
        running--;
        for (int d : dependencies[i]) {
            pins[d]--;
        }
        if (status != Status.RUNNING) {
            if (error == null) {
                holdLocked(i, result);
            } else {
                log.debug("computation #{}: task {} failed after the computation ended", id, tasks[i].displayName(), error);
            }
            releaseUnpinnedLocked(toClose);
            changed.signalAll();
            return;
        }
        if (error != null) {
            failure = new Failure(tasks[i].key(), tasks[i].description(), error, outcome.attempts());
            endLocked(Status.FAILED);
            releaseUnpinnedLocked(toClose);
            return;
        }
        holdLocked(i, result);
        finished++;
        for (int d : dependencies[i]) {
            if (--remainingDependents[d] == 0 && !isOutput[d]) {
                releaseLocked(d, toClose);
            }
        }
        if (remainingDependents[i] == 0 && !isOutput[i]) {
            releaseLocked(i, toClose);
        }
        boolean newlyReady = false;
        long now = System.nanoTime() - startNanos;
        for (int dependent : dependents[i]) {
            if (--waiting[dependent] == 0) {
                ready.set(dependent);
                readyAt[dependent] = now;
                newlyReady = true;
            }
        }
        if (finished == tasks.length) {
            outputResults = takeOutputsLocked();
            endLocked(Status.SUCCEEDED);
        } else if (hasReadyLocked() && (newlyReady || running + 1 == maxInFlight)) {
            // new tasks are ready, or the computation was at its in-flight limit and a slot has opened
            core.readyLocked(this);
            changed.signalAll();
        } else if (newlyReady) {
            changed.signalAll();
        }
    }

    private void endLocked(Status end) {
        status = end;
        endNanos = System.nanoTime();
        ready.clear();
        core.endedLocked(this);
        changed.signalAll();
    }

    private void onEnded() {
        if (status == Status.FAILED) {
            log.debug("computation #{} failed in task {}", id, failure.key(), failure.cause());
        } else {
            log.debug("computation #{} {}", id, status == Status.SUCCEEDED ? "succeeded" : "was cancelled");
        }
        boolean success = status == Status.SUCCEEDED;
        lock.lock();
        try {
            announcer = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        try {
            notifyListeners(l -> l.done(success));
        } finally {
            lock.lock();
            try {
                endAnnounced = true;
                announcer = null;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- holding and releasing results ----------------------------------------------------------

    private void holdLocked(int i, Object value) {
        results[i] = value;
        held[i] = true;
        heldCount++;
        if (value instanceof AutoCloseable) {
            closeableRefs.merge(value, 1, Integer::sum);
        }
    }

    /** Drops the scheduler's hold on result {@code i}; closes it unless another held slot is the same object. */
    private void releaseLocked(int i, List<Held> toClose) {
        if (!held[i]) {
            return;
        }
        Object value = dropLocked(i);
        if (value instanceof AutoCloseable && closeableRefs.get(value) == null) {
            toClose.add(new Held(tasks[i].key(), value));
            pendingCloses++;
        }
    }

    private Object dropLocked(int i) {
        Object value = results[i];
        results[i] = null;
        held[i] = false;
        heldCount--;
        if (value instanceof AutoCloseable) {
            closeableRefs.computeIfPresent(value, (v, count) -> count == 1 ? null : count - 1);
        }
        return value;
    }

    /** After the end: every held result that no running task is reading is released. */
    private void releaseUnpinnedLocked(List<Held> toClose) {
        for (int i = 0; i < tasks.length; i++) {
            if (held[i] && pins[i] == 0) {
                releaseLocked(i, toClose);
            }
        }
    }

    /** On success: the outputs pass to the caller, in the order they were asked for. */
    private Map<String, Object> takeOutputsLocked() {
        Map<String, Object> taken = new LinkedHashMap<>();
        for (int i = 0; i < tasks.length; i++) {
            if (isOutput[i]) {
                taken.put(tasks[i].key(), dropLocked(i));
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        outputs.forEach(key -> ordered.put(key, taken.get(key)));
        return Collections.unmodifiableMap(ordered);
    }

    private void closeAndSettle(List<Held> toClose) {
        if (toClose.isEmpty()) {
            return;
        }
        Resources.closeAll(toClose);
        lock.lock();
        try {
            pendingCloses -= toClose.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- Computation ----------------------------------------------------------------------------

    @Override
    public Map<String, Object> get() {
        try {
            return await(0, false);
        } catch (TimeoutException e) {
            throw new IllegalStateException("untimed wait timed out for computation #" + id, e);
        }
    }

    @Override
    public Map<String, Object> get(long timeout, TimeUnit unit) throws TimeoutException {
        requireNonNull(unit, "unit is null");
        return await(unit.toNanos(timeout), true);
    }

    private Map<String, Object> await(long nanos, boolean timed) throws TimeoutException {
        boolean helping = core.isHelperThread();
        long deadline = System.nanoTime() + nanos;
        lock.lock();
        try {
            while (status == Status.RUNNING || (status == Status.SUCCEEDED && pendingCloses > 0)
                    || (!endAnnounced && announcer != Thread.currentThread())) {
                if (helping && hasReadyLocked()) {
                    Started started = startLocked();
                    lock.unlock();
                    try {
                        execute(started);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                if (!timed) {
                    changed.await();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("computation #" + id + " not done after "
                            + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms: " + finished + " of " + tasks.length
                            + " tasks finished, " + running + " running");
                }
                changed.awaitNanos(left);
            }
            return outcomeLocked();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        cancel();
        throw new CancelledException("interrupted while waiting for computation #" + id + "; it was cancelled");
    }

    private Map<String, Object> outcomeLocked() {
        switch (status) {
            case SUCCEEDED:
                return outputResults;
            case FAILED:
                throw new TaskFailedException(failure.key(), failure.description(), failure.cause(), failure.attempts());
            case CANCELLED:
                throw new CancelledException("computation #" + id + " was cancelled");
            default:
                throw new IllegalStateException("computation #" + id + " has not ended: " + status);
        }
    }

    @Override
    public boolean cancel() {
        List<Held> toClose = new ArrayList<>();
        lock.lock();
        try {
            if (status != Status.RUNNING) {
                return false;
            }
            endLocked(Status.CANCELLED);
            releaseUnpinnedLocked(toClose);
        } finally {
            lock.unlock();
        }
        closeAndSettle(toClose);
        onEnded();
        return true;
    }

    @Override
    public boolean isDone() {
        return status != Status.RUNNING;
    }

    @Override
    public boolean awaitQuiescence(long timeout, TimeUnit unit) throws InterruptedException {
        requireNonNull(unit, "unit is null");
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (status == Status.RUNNING || running > 0 || heldCount > 0 || pendingCloses > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(ProgressListener listener) {
        requireNonNull(listener, "listener is null");
        ProgressSnapshot snapshot = null;
        lock.lock();
        try {
            if (status == Status.RUNNING) {
                snapshot = progressLocked();
            }
        } finally {
            lock.unlock();
        }
        if (snapshot != null) {
            ProgressSnapshot first = snapshot;
            notify(listener, l -> l.started(first));
            lock.lock();
            try {
                if (status == Status.RUNNING) {
                    listeners.add(listener);
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        boolean success = status == Status.SUCCEEDED;
        notify(listener, l -> l.done(success));
    }

    @Override
    public ProgressSnapshot progress() {
        lock.lock();
        try {
            return progressLocked();
        } finally {
            lock.unlock();
        }
    }

    private ProgressSnapshot progressLocked() {
        long elapsed = (status == Status.RUNNING ? System.nanoTime() : endNanos) - startNanos;
        return new ProgressSnapshot(finished, tasks.length, running, totalRows.sum(), totalBytes.sum(), elapsed,
                ProgressSnapshot.estimateEta(finished, tasks.length, elapsed));
    }

    @Override
    public ComputationProfile profile() {
        lock.lock();
        try {
            List<TaskProfile> ran = new ArrayList<>();
            for (int i : startOrder) {
                if (threadOf[i] == null) {
                    continue; // still running
                }
                Task task = tasks[i];
                ran.add(new TaskProfile(task.key(), task.kind(), task.description(), readyAt[i], startAt[i], endAt[i],
                        cpuOf[i], threadOf[i], rowsOf[i], bytesOf[i], attemptsOf[i], !failedOf[i], rowsOutOf[i]));
            }
            long wall = (status == Status.RUNNING ? System.nanoTime() : endNanos) - startNanos;
            return new ComputationProfile("computation #" + id, tasks.length, wall, ran);
        } finally {
            lock.unlock();
        }
    }

    private void notifyListeners(Consumer<ProgressListener> event) {
        for (ProgressListener listener : listeners) {
            notify(listener, event);
        }
    }

    private void notify(ProgressListener listener, Consumer<ProgressListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            if (brokenListeners.add(listener)) {
                log.warn("progress listener {} of computation #{} failed (further failures are logged at debug): {}",
                        listener, id, e.toString(), e);
            } else {
                log.debug("progress listener {} of computation #{} failed again: {}", listener, id, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "computation #" + id + " (" + tasks.length + " tasks, " + status + ")";
    }
}
