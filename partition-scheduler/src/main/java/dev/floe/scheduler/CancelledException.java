package dev.floe.scheduler;

/** Thrown by {@link Computation#get()} after {@link Computation#cancel()}, and by {@link TaskContext#checkCancelled()}. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("computation cancelled");
    }

    public CancelledException(String message) {
        super(message);
    }
}
