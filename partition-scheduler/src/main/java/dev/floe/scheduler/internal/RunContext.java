package dev.floe.scheduler.internal;

import dev.floe.scheduler.CancelledException;
import dev.floe.scheduler.TaskContext;

/** The {@link TaskContext} of one task of a {@link GraphRun}. */
record RunContext(String key, GraphRun run) implements TaskContext {

    @Override
    public boolean isCancelled() {
        return run.isStopping();
    }

    @Override
    public void checkCancelled() {
        if (run.isStopping()) {
            throw new CancelledException("task '" + key + "' stopped: " + run.stopReason());
        }
    }
}
