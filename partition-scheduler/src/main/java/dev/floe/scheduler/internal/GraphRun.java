package dev.floe.scheduler.internal;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.Computation;
import dev.floe.scheduler.ProgressListener;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskFailedException;
import dev.floe.scheduler.TaskGraph;
import dev.floe.scheduler.internal.Resources.Held;
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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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

    private record Failure(String key, String description, Throwable cause) {}

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
    boolean inRing;

    private volatile Status status = Status.RUNNING;

    /** @param graph culled to the outputs; @param outputs distinct keys of tasks of the graph */
    GraphRun(SchedulerCore core, long id, TaskGraph graph, List<String> outputs) {
        this.core = core;
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
        if (n == 0) {
            outputResults = Map.of();
            status = Status.SUCCEEDED;
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

    boolean hasReadyLocked() {
        return status == Status.RUNNING && !ready.isEmpty();
    }

    /** Takes the ready task of best static priority; requires {@link #hasReadyLocked()}. */
    Started startLocked() {
        int i = ready.nextSetBit(0);
        ready.clear(i);
        running++;
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
        Object result = null;
        Throwable error = null;
        try {
            result = task.function().run(new RunContext(task.key(), this), started.inputs());
        } catch (Throwable t) {
            error = t;
        }
        long nanos = System.nanoTime() - start;
        if (error == null && status == Status.RUNNING) {
            notifyListeners(l -> l.taskFinished(task.key(), task.kind(), nanos));
        }
        List<Held> toClose = new ArrayList<>();
        boolean ended;
        lock.lock();
        try {
            boolean wasRunning = status == Status.RUNNING;
            finishLocked(started.index(), result, error, toClose);
            ended = wasRunning && status != Status.RUNNING;
        } finally {
            lock.unlock();
        }
        closeAndSettle(toClose);
        if (ended) {
            onEnded();
        }
    }

    private void finishLocked(int i, Object result, Throwable error, List<Held> toClose) {
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
            failure = new Failure(tasks[i].key(), tasks[i].description(), error);
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
        for (int dependent : dependents[i]) {
            if (--waiting[dependent] == 0) {
                ready.set(dependent);
                newlyReady = true;
            }
        }
        if (finished == tasks.length) {
            outputResults = takeOutputsLocked();
            endLocked(Status.SUCCEEDED);
        } else if (newlyReady) {
            core.readyLocked(this);
            changed.signalAll();
        }
    }

    private void endLocked(Status end) {
        status = end;
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
        notifyListeners(l -> l.done(success));
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
            while (status == Status.RUNNING || (status == Status.SUCCEEDED && pendingCloses > 0)) {
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
                throw new TaskFailedException(failure.key(), failure.description(), failure.cause());
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
        lock.lock();
        try {
            if (status == Status.RUNNING) {
                listeners.add(listener);
                return;
            }
        } finally {
            lock.unlock();
        }
        boolean success = status == Status.SUCCEEDED;
        notify(listener, l -> l.done(success));
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
