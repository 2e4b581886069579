package dev.floe.scheduler.internal;

import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topological facts about a set of tasks whose dependencies all exist: cycle detection and depth. */
public final class Topology {

    private Topology() {}

    /** @throws IllegalArgumentException "cycle in task graph: 'a' depends on 'b' depends on 'a'" */
    public static void requireAcyclic(Map<String, Task> tasks) {
        Map<String, Integer> unfinished = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (Task task : tasks.values()) {
            Set<String> distinct = new LinkedHashSet<>(task.dependencies());
            unfinished.put(task.key(), distinct.size());
            for (String dependency : distinct) {
                dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(task.key());
            }
            if (distinct.isEmpty()) {
                ready.add(task.key());
            }
        }
        while (!ready.isEmpty()) {
            String key = ready.poll();
            unfinished.remove(key);
            for (String dependent : dependents.getOrDefault(key, List.of())) {
                if (unfinished.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (!unfinished.isEmpty()) {
            throw new IllegalArgumentException("cycle in task graph: " + describeCycle(tasks, unfinished.keySet()));
        }
    }

    /** The number of tasks on the longest dependency chain; 0 for an empty graph. */
    public static int depth(TaskGraph graph) {
        Map<String, Integer> depth = new HashMap<>();
        int max = 0;
        for (String key : graph.order(outputsOf(graph))) {
            int own = 1;
            for (String dependency : graph.task(key).dependencies()) {
                own = Math.max(own, depth.get(dependency) + 1);
            }
            depth.put(key, own);
            max = Math.max(max, own);
        }
        return max;
    }

    /** The tasks nothing depends on: the natural outputs of a graph. */
    public static List<String> outputsOf(TaskGraph graph) {
        List<String> sinks = new ArrayList<>();
        for (Task task : graph.tasks()) {
            if (graph.dependents(task.key()).isEmpty()) {
                sinks.add(task.key());
            }
        }
        return sinks;
    }

    /** Every key in {@code stuck} has a dependency in {@code stuck}: walk them until a key repeats. */
    private static String describeCycle(Map<String, Task> tasks, Set<String> stuck) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        String key = stuck.stream().sorted().findFirst().orElseThrow();
        while (!position.containsKey(key)) {
            position.put(key, path.size());
            path.add(key);
            key = firstStuckDependency(tasks.get(key), stuck);
        }
        List<String> cycle = new ArrayList<>(path.subList(position.get(key), path.size()));
        cycle.add(key);
        List<String> quoted = new ArrayList<>();
        cycle.forEach(k -> quoted.add("'" + k + "'"));
        return String.join(" depends on ", quoted);
    }

    private static String firstStuckDependency(Task task, Set<String> stuck) {
        for (String dependency : task.dependencies()) {
            if (stuck.contains(dependency)) {
                return dependency;
            }
        }
        throw new IllegalStateException("task '" + task.key() + "' is on no cycle but was not ordered");
    }
}
