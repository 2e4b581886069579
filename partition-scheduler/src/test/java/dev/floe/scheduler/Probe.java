package dev.floe.scheduler;

import java.util.concurrent.atomic.AtomicInteger;

/** A result that knows whether it was closed, and how often: the stand-in for a batch of Arrow buffers. */
final class Probe implements AutoCloseable {

    private final Probes owner;
    private final String key;
    private final long value;
    private final AtomicInteger closes = new AtomicInteger();

    Probe(Probes owner, String key, long value) {
        this.owner = owner;
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    /** The value; fails if the probe was already closed (a use after free). */
    long value() {
        if (closes.get() > 0) {
            throw new IllegalStateException("probe '" + key + "' read after close");
        }
        return value;
    }

    int closes() {
        return closes.get();
    }

    boolean isOpen() {
        return closes.get() == 0;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        owner.closed(this);
    }

    @Override
    public String toString() {
        return "Probe[" + key + "=" + value + ", closes=" + closes + "]";
    }
}
