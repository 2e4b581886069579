package dev.floe.scheduler.internal;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.Computation;
import dev.floe.scheduler.SubmitOptions;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads, the lock and the round-robin ring of computations with ready tasks, as
 * described on {@link dev.floe.scheduler.Scheduler}. With zero workers it is the synchronous
 * scheduler: every thread that waits on a computation runs that computation's tasks itself.
 */
public final class SchedulerCore {

    private static final Logger log = LoggerFactory.getLogger(SchedulerCore.class);
    private static final AtomicLong COMPUTATION_IDS = new AtomicLong();
    private static final ThreadLocal<SchedulerCore> WORKER_OF = new ThreadLocal<>();

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();

    // guarded by lock
    private final ArrayDeque<GraphRun> ring = new ArrayDeque<>();
    private final Set<GraphRun> active = new LinkedHashSet<>();
    private boolean closed;

    /** Starts {@code workerCount} daemon threads named "{name}-worker-{i}"; 0 for a synchronous scheduler. */
    public SchedulerCore(String name, int workerCount) {
        this.name = requireNonNull(name, "name is null");
        if (workerCount < 0) {
            throw new IllegalArgumentException("worker count must be >= 0, got " + workerCount);
        }
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::workLoop, name + "-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Culls the graph to the outputs and starts running it. */
    public Computation submit(TaskGraph graph, Collection<String> outputs, SubmitOptions options) {
        requireNonNull(graph, "graph is null");
        requireNonNull(outputs, "outputs is null");
        requireNonNull(options, "options is null");
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(outputs));
        TaskGraph needed = graph.cull(distinct);
        GraphRun run = new GraphRun(this, COMPUTATION_IDS.incrementAndGet(), needed, distinct, options);
        options.listeners().forEach(run::addListener);
        if (log.isDebugEnabled()) {
            log.debug("computation #{} submitted to {}: {}", run.id(), name, needed.summary());
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("scheduler '" + name + "' is closed; cannot submit " + needed);
            }
            if (!run.isDone()) {
                active.add(run);
                if (run.hasReadyLocked()) {
                    readyLocked(run);
                }
            }
        } finally {
            lock.unlock();
        }
        return run;
    }

    /** True if the current thread should run tasks while it waits: a worker of this pool, or any thread when synchronous. */
    boolean isHelperThread() {
        return workers.isEmpty() || WORKER_OF.get() == this;
    }

    /** {@code run} has ready tasks: put it in the ring (at the back) and wake the workers. */
    void readyLocked(GraphRun run) {
        if (workers.isEmpty()) {
            return;
        }
        if (!run.inRing) {
            run.inRing = true;
            ring.addLast(run);
        }
        workAvailable.signalAll();
    }

    void endedLocked(GraphRun run) {
        active.remove(run);
        if (run.inRing) {
            ring.remove(run);
            run.inRing = false;
        }
    }

    /** Round-robin: the ready task of best priority of the computation at the front of the ring. */
    private GraphRun.Started nextLocked() {
        while (!ring.isEmpty()) {
            GraphRun run = ring.pollFirst();
            if (!run.hasReadyLocked()) {
                run.inRing = false;
                continue;
            }
            GraphRun.Started started = run.startLocked();
            if (run.hasReadyLocked()) {
                ring.addLast(run);
            } else {
                run.inRing = false;
            }
            return started;
        }
        return null;
    }

    private void workLoop() {
        WORKER_OF.set(this);
        lock.lock();
        try {
            while (!closed) {
                GraphRun.Started started = nextLocked();
                if (started == null) {
                    workAvailable.awaitUninterruptibly();
                    continue;
                }
                lock.unlock();
                try {
                    started.execute();
                } catch (Throwable t) {
                    log.error("{}: internal error running a task of {}", Thread.currentThread().getName(), started.run(), t);
                } finally {
                    Thread.interrupted(); // a task's stray interrupt must not reach the next task
                    lock.lock();
                }
            }
        } finally {
            lock.unlock();
        }
        log.debug("{} stopped", Thread.currentThread().getName());
    }

    /** Computations submitted and not yet ended. */
    public int activeCount() {
        lock.lock();
        try {
            return active.size();
        } finally {
            lock.unlock();
        }
    }

    public int workerCount() {
        return workers.size();
    }

    /** Cancels every unfinished computation and lets the workers exit once their current task returns. */
    public void close() {
        List<GraphRun> unfinished;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            unfinished = new ArrayList<>(active);
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        unfinished.forEach(GraphRun::cancel);
        log.debug("scheduler '{}' closed; cancelled {} unfinished computations", name, unfinished.size());
    }

    @Override
    public String toString() {
        return name;
    }
}
