package dev.floe.scheduler.internal;

import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The static priority order of a graph, in the spirit of {@code dask.order}, kept simple:
 *
 * <ol>
 *   <li>Depth-first from each output in turn, dependencies in their declared order, a task placed
 *       after its dependencies (post-order). So the subgraph under one dependency is finished before
 *       the next is started: a partition's chain completes before another partition begins.
 *   <li>When a task is placed, any needed dependent whose dependencies are now all placed is placed
 *       right after it (and so on). So a reduction comes as soon as its inputs exist, and their
 *       results can be released.
 * </ol>
 *
 * <pre>
 *   leaves l0..l3, c0 = combine(l0, l1), c1 = combine(l2, l3), f = finalize(c0, c1)
 *   order(f) = l0 l1 c0 l2 l3 c1 f        (breadth-first would be l0 l1 l2 l3 c0 c1 f)
 * </pre>
 *
 * <p>Deterministic: it depends only on the graph and the order of the outputs. Iterative, so a chain
 * of any length does not overflow the stack.
 */
public final class GraphOrder {

    private final TaskGraph graph;
    private final Set<String> needed = new HashSet<>();
    private final Set<String> placed = new HashSet<>();
    private final List<String> order = new ArrayList<>();

    private GraphOrder(TaskGraph graph, List<String> outputs) {
        this.graph = graph;
        for (Task task : graph.cull(outputs).tasks()) {
            needed.add(task.key());
        }
    }

    /** @param outputs distinct keys of tasks of the graph */
    public static List<String> order(TaskGraph graph, List<String> outputs) {
        GraphOrder state = new GraphOrder(graph, outputs);
        for (String output : outputs) {
            state.visit(output);
        }
        return List.copyOf(state.order);
    }

    private record Frame(Task task, int next) {}

    private void visit(String root) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(graph.task(root), 0));
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            List<String> dependencies = frame.task().dependencies();
            int next = frame.next();
            while (next < dependencies.size() && placed.contains(dependencies.get(next))) {
                next++;
            }
            if (next < dependencies.size()) {
                stack.push(new Frame(frame.task(), next + 1));
                stack.push(new Frame(graph.task(dependencies.get(next)), 0));
            } else {
                place(frame.task().key());
            }
        }
    }

    /** Places {@code key}, then every dependent it completes, transitively, in graph order. */
    private void place(String key) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(key);
        while (!todo.isEmpty()) {
            String current = todo.poll();
            if (!placed.add(current)) {
                continue;
            }
            order.add(current);
            for (String dependent : graph.dependents(current)) {
                if (needed.contains(dependent) && !placed.contains(dependent) && allPlaced(dependent)) {
                    todo.add(dependent);
                }
            }
        }
    }

    private boolean allPlaced(String key) {
        return placed.containsAll(graph.task(key).dependencies());
    }
}
