package dev.floe.dataframe;

import dev.floe.dataframe.exec.PersistedData;

/**
 * A frame whose partitions were computed once and are held in memory ({@link DataFrame#persist()}).
 * Build on {@link #frame()} as on any frame; {@link #close()} frees the memory (frames built on it
 * must not run after that).
 */
public final class PersistedFrame implements AutoCloseable {
    private final DataFrame frame;
    private final PersistedData data;

    PersistedFrame(DataFrame frame, PersistedData data) {
        this.frame = frame;
        this.data = data;
    }

    public DataFrame frame() {
        return frame;
    }

    public long rowCount() {
        return data.rowCount();
    }

    /** What the query that computed the partitions read and rejected (with its kept rejects, if any). */
    public QueryMetrics metrics() {
        return data.metrics();
    }

    @Override
    public void close() {
        data.close();
    }
}
