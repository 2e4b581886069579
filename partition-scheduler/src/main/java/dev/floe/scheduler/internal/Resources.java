package dev.floe.scheduler.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing results the scheduler owns: a failing close() is logged, never thrown at a task or a caller. */
public final class Resources {

    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private Resources() {}

    /** Closes {@code value} if it is {@link AutoCloseable}; {@code key} names its task in the log. */
    public static void closeQuietly(Object value, String key) {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception | LinkageError | AssertionError e) {
                log.warn("closing the result of task '{}' failed: {}", key, e.toString(), e);
            }
        }
    }

    public static void closeAll(List<Held> values) {
        for (Held held : values) {
            closeQuietly(held.value(), held.key());
        }
    }

    /** A result to close, with the key of the task that produced it. */
    public record Held(String key, Object value) {}
}
