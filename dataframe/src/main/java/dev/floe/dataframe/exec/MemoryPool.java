package dev.floe.dataframe.exec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A query-wide allowance of bytes that results may keep in memory while they wait for their consumers
 * (a sort's split outputs and sorted ranges); a result that does not fit waits on disk instead.
 * Thread-safe; what is reserved is released when the result is closed.
 */
final class MemoryPool {
    private final long budget;
    private final AtomicLong reserved = new AtomicLong();

    MemoryPool(long budget) {
        this.budget = budget;
    }

    /** Reserves {@code bytes} if they fit; false (and nothing reserved) if not. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = reserved.get();
            if (now + bytes > budget) {
                return false;
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }
}
