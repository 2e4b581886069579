package dev.floe.scheduler;

import java.io.Serializable;
import java.util.List;

/**
 * The work of one task.
 *
 * <p>{@code inputs} are the results of the task's dependencies, in the order of
 * {@link Task#dependencies()} (a dependency listed twice appears twice). The list is read-only and
 * may contain {@code null} (a dependency may return {@code null}).
 *
 * <p>Ownership: the inputs belong to the scheduler, which closes each {@link AutoCloseable} input
 * once its last dependent has run. A function must not close its inputs and must not keep them
 * (or views onto their memory) beyond its return, unless it returns the very same object, which the
 * scheduler recognises by identity. The returned value is handed to the scheduler, which then owns it.
 *
 * <p>Long-running functions should poll {@link TaskContext#isCancelled()} and stop early.
 */
@FunctionalInterface
public interface TaskFunction extends Serializable {
    Object run(TaskContext context, List<Object> inputs) throws Exception;
}
