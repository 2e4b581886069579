package dev.floe.scheduler.internal;

import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskFunction;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Linear-chain fusion, as {@code dask.optimization.fuse_linear}: a task is <em>absorbed</em> into its
 * dependent when that dependent is its only dependent, it is that dependent's only (single-listed)
 * dependency, and it is not an output.
 *
 * <pre>
 *   read-0 ─► filter-0 ─► chunk-0 ─┐
 *                                  ├─► combine      becomes   chunk-0 (read-csv+filter+chunk) ─┐
 *   read-1 ─► filter-1 ─► chunk-1 ─┘                          chunk-1 (read-csv+filter+chunk) ─┴─► combine
 * </pre>
 *
 * A chain ends at a task that is not absorbed; walking up from it collects the chain. The fused task
 * has the chain end's key and graph position and the chain head's dependencies.
 */
public final class ChainFuser {

    private ChainFuser() {}

    /** @param outputs distinct keys of tasks of the graph */
    public static TaskGraph fuse(TaskGraph graph, List<String> outputs) {
        Set<String> protectedKeys = new HashSet<>(outputs);
        TaskGraph.Builder fused = TaskGraph.builder();
        for (Task task : graph.tasks()) {
            if (!isAbsorbed(graph, task, protectedKeys)) {
                fused.add(fuseChainEndingAt(graph, task, protectedKeys));
            }
        }
        return fused.build();
    }

    private static boolean isAbsorbed(TaskGraph graph, Task task, Set<String> outputs) {
        Set<String> dependents = graph.dependents(task.key());
        return !outputs.contains(task.key())
                && dependents.size() == 1
                && graph.task(dependents.iterator().next()).dependencies().size() == 1;
    }

    private static Task fuseChainEndingAt(TaskGraph graph, Task end, Set<String> outputs) {
        Deque<Task> chain = new ArrayDeque<>();
        chain.push(end);
        while (chain.peek().dependencies().size() == 1) {
            Task previous = graph.task(chain.peek().dependencies().get(0));
            if (!isAbsorbed(graph, previous, outputs)) {
                break;
            }
            chain.push(previous);
        }
        if (chain.size() == 1) {
            return end;
        }
        List<String> keys = new ArrayList<>();
        List<TaskFunction> functions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Set<String> descriptions = new LinkedHashSet<>();
        for (Task task : chain) {
            keys.add(task.key());
            functions.add(task.function());
            kinds.add(task.kind());
            if (!task.description().isEmpty()) {
                descriptions.add(task.description());
            }
        }
        return new Task(end.key(), chain.peek().dependencies(), new FusedFunction(keys, functions),
                String.join("+", kinds), String.join("; ", descriptions));
    }
}
