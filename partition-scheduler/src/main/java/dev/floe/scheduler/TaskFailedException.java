package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A task of a computation threw: "task 'chunk-3' (file:/x.csv bytes 0-99) failed: &lt;cause message&gt;",
 * or, if it was retried, "task 'chunk-3' (...) failed after 3 attempts: &lt;last cause's message&gt;".
 *
 * <p>The cause is the exception the task threw, wrapped exactly once. When that exception is itself
 * a {@code TaskFailedException} (the task ran a nested computation that failed), it is kept as the
 * cause, so the chain reads outer task, inner task, original exception, and the message names both
 * tasks once each.
 */
public final class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String description;
    private final int attempts;

    public TaskFailedException(String key, String description, Throwable cause) {
        this(key, description, cause, 1);
    }

    /** @param attempts how often the task ran (more than 1 if it was retried); the message says so */
    public TaskFailedException(String key, String description, Throwable cause, int attempts) {
        super(message(key, description, cause, attempts), requireNonNull(cause, "cause is null"));
        this.key = key;
        this.description = description;
        this.attempts = attempts;
    }

    /** How many times the task ran before the computation failed: 1, or more if it was retried. */
    public int attempts() {
        return attempts;
    }

    /** The key of the task that failed. */
    public String key() {
        return key;
    }

    /** The failed task's description, e.g. "file:/x.csv bytes 0-99"; may be "". */
    public String description() {
        return description;
    }

    private static String message(String key, String description, Throwable cause, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
        requireNonNull(key, "key is null");
        requireNonNull(description, "description is null");
        requireNonNull(cause, "cause is null");
        String where = description.isEmpty() ? "'" + key + "'" : "'" + key + "' (" + description + ")";
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return "task " + where + " failed" + (attempts == 1 ? "" : " after " + attempts + " attempts") + ": " + why;
    }
}
