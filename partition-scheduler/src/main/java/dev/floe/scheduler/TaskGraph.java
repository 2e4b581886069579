package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.internal.ChainFuser;
import dev.floe.scheduler.internal.DotWriter;
import dev.floe.scheduler.internal.GraphOrder;
import dev.floe.scheduler.internal.HtmlGraphWriter;
import dev.floe.scheduler.internal.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, validated directed acyclic graph of {@link Task}s: no two tasks share a key, every
 * dependency is a task of the graph, and there is no cycle. Tasks keep the order they were added in.
 *
 * <p>Optimisations return new graphs: {@link #cull} drops what the outputs do not need,
 * {@link #fuseLinearChains} merges chains into single tasks, and {@link #order} computes the static
 * priority the {@link Scheduler} runs ready tasks by.
 */
public final class TaskGraph {

    private final Map<String, Task> tasks;
    private final Map<String, Set<String>> dependents;

    private TaskGraph(Map<String, Task> tasks) {
        this.tasks = Collections.unmodifiableMap(tasks);
        Map<String, Set<String>> reverse = new LinkedHashMap<>();
        for (String key : tasks.keySet()) {
            reverse.put(key, new LinkedHashSet<>());
        }
        for (Task task : tasks.values()) {
            for (String dependency : task.dependencies()) {
                reverse.get(dependency).add(task.key());
            }
        }
        reverse.replaceAll((key, set) -> Collections.unmodifiableSet(set));
        this.dependents = reverse;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All tasks, in the order they were added. */
    public Collection<Task> tasks() {
        return tasks.values();
    }

    /** @throws IllegalArgumentException if there is no such task */
    public Task task(String key) {
        requireKnown(key);
        return tasks.get(key);
    }

    public boolean contains(String key) {
        return tasks.containsKey(requireNonNull(key, "key is null"));
    }

    public int size() {
        return tasks.size();
    }

    /** Keys of the tasks that list {@code key} among their dependencies, in graph order. */
    public Set<String> dependents(String key) {
        requireKnown(key);
        return dependents.get(key);
    }

    /** The subgraph of the outputs and everything they depend on, transitively. */
    public TaskGraph cull(Collection<String> outputs) {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String output : requireOutputs(outputs)) {
            if (needed.add(output)) {
                todo.push(output);
            }
        }
        while (!todo.isEmpty()) {
            for (String dependency : tasks.get(todo.pop()).dependencies()) {
                if (needed.add(dependency)) {
                    todo.push(dependency);
                }
            }
        }
        Map<String, Task> kept = new LinkedHashMap<>();
        for (Task task : tasks.values()) {
            if (needed.contains(task.key())) {
                kept.put(task.key(), task);
            }
        }
        return kept.size() == tasks.size() ? this : new TaskGraph(kept);
    }

    /**
     * Merges every task whose only dependent has it as its only dependency into that dependent,
     * repeatedly, so that a chain {@code read -> filter -> chunk} becomes one task. The merged task
     * keeps the key and position of the last task of the chain, the dependencies of the first, the
     * kinds joined with "+" ("read-csv+filter+chunk") and the non-empty descriptions joined with "; ".
     * Outputs are never merged into their dependents. Does not cull.
     */
    public TaskGraph fuseLinearChains(Collection<String> outputs) {
        return ChainFuser.fuse(this, requireOutputs(outputs));
    }

    /**
     * A static priority order of the tasks the outputs need, depth-first: a dependency's subgraph is
     * finished before its sibling's is started, and a task is placed as soon as all its dependencies
     * are placed, so a reduction runs as soon as its inputs exist and their memory is released early.
     */
    public List<String> order(Collection<String> outputs) {
        return GraphOrder.order(this, requireOutputs(outputs));
    }

    /** "7 tasks: 4 chunk, 2 combine, 1 finalize; depth 3": counts by kind (first-seen order) and the longest chain. */
    public String summary() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Task task : tasks.values()) {
            kinds.merge(task.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, count) -> parts.add(count + " " + kind));
        String counts = parts.isEmpty() ? "" : ": " + String.join(", ", parts);
        return tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + counts + "; depth " + Topology.depth(this);
    }

    /** Graphviz DOT: tasks as nodes coloured by kind, labelled by key; edges from dependency to dependent. */
    public String toDot() {
        return DotWriter.write(this, null);
    }

    /** As {@link #toDot()}, after a run: nodes coloured by wall time, bordered by kind; tasks that did not run grey. */
    public String toDot(ComputationProfile profile) {
        return DotWriter.write(this, requireNonNull(profile, "profile is null"));
    }

    /**
     * A self-contained HTML page (no scripts, fonts or other files) with the graph as inline SVG:
     * layered bottom-up like Dask's pictures, coloured by kind, or by wall time if a profile is given;
     * hovering a task shows its key, kind, description and times. Very wide layers are collapsed
     * into "+N more" nodes, with a note.
     *
     * @param profileOrNull the profile of a run of this graph, or null
     */
    public String toHtml(ComputationProfile profileOrNull) {
        return HtmlGraphWriter.write(this, profileOrNull);
    }

    /**
     * Writes the picture of {@code graph} to {@code path}: DOT if the name ends in ".dot" or ".gv",
     * HTML if it ends in ".html" or ".htm".
     *
     * @param profile the profile of a run, or null
     * @throws IllegalArgumentException for another extension
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void visualize(TaskGraph graph, ComputationProfile profile, Path path) {
        requireNonNull(graph, "graph is null");
        requireNonNull(path, "path is null");
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String text;
        if (name.endsWith(".dot") || name.endsWith(".gv")) {
            text = profile == null ? graph.toDot() : graph.toDot(profile);
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            text = graph.toHtml(profile);
        } else {
            throw new IllegalArgumentException("cannot tell the picture format of '" + path
                    + "': name it *.dot or *.gv for Graphviz DOT, *.html for a page that opens in a browser");
        }
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task graph picture to '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TaskGraph[" + summary() + "]";
    }

    private void requireKnown(String key) {
        requireNonNull(key, "key is null");
        if (!tasks.containsKey(key)) {
            throw new IllegalArgumentException("no task '" + key + "' in graph of " + tasks.size() + " tasks");
        }
    }

    private List<String> requireOutputs(Collection<String> outputs) {
        requireNonNull(outputs, "outputs is null");
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(outputs));
        for (String output : distinct) {
            requireNonNull(output, "output key is null");
            if (!tasks.containsKey(output)) {
                throw new IllegalArgumentException("output '" + output + "' is not a task of the graph ("
                        + tasks.size() + " tasks)");
            }
        }
        return distinct;
    }

    /** Collects tasks; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {

        private final List<Task> tasks = new ArrayList<>();

        private Builder() {}

        public Builder add(Task task) {
            tasks.add(requireNonNull(task, "task is null"));
            return this;
        }

        /** Adds a task of kind {@value Task#DEFAULT_KIND} with an empty description. */
        public Builder add(String key, List<String> dependencies, TaskFunction function) {
            return add(new Task(key, dependencies, function));
        }

        /**
         * @throws IllegalArgumentException naming the keys at fault, if two tasks share a key, a
         *     dependency is not a task of the graph, or the dependencies form a cycle
         */
        public TaskGraph build() {
            Map<String, Task> byKey = new LinkedHashMap<>();
            Set<String> duplicates = new LinkedHashSet<>();
            for (Task task : tasks) {
                if (byKey.putIfAbsent(task.key(), task) != null) {
                    duplicates.add(task.key());
                }
            }
            if (!duplicates.isEmpty()) {
                throw new IllegalArgumentException("duplicate task keys: " + quoted(duplicates));
            }
            List<String> missing = new ArrayList<>();
            for (Task task : tasks) {
                for (String dependency : task.dependencies()) {
                    if (!byKey.containsKey(dependency)) {
                        missing.add("'" + task.key() + "' depends on '" + dependency + "'");
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("dependencies that are not tasks of the graph: "
                        + String.join(", ", missing));
            }
            Topology.requireAcyclic(byKey);
            return new TaskGraph(byKey);
        }

        private static String quoted(Collection<String> keys) {
            List<String> quoted = new ArrayList<>();
            keys.forEach(key -> quoted.add("'" + key + "'"));
            return String.join(", ", quoted);
        }
    }
}
