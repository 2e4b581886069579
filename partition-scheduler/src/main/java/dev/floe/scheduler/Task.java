package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One node of a {@link TaskGraph}.
 *
 * @param key          unique in its graph
 * @param dependencies keys of the tasks whose results are this task's inputs, in input order
 * @param function     the work
 * @param kind         a short label for display: "read-csv", "chunk", "combine", "finalize"
 * @param description  what a human needs to find the task, e.g. "file:/data/part-3.csv bytes 0-1048576"; may be ""
 */
public record Task(String key, List<String> dependencies, TaskFunction function, String kind, String description) {

    public static final String DEFAULT_KIND = "task";

    public Task {
        requireNonNull(key, "key is null");
        requireNonNull(dependencies, "dependencies is null");
        requireNonNull(function, "function is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("task key is empty");
        }
        for (String dependency : dependencies) {
            if (dependency == null) {
                throw new NullPointerException("a dependency of task '" + key + "' is null: " + dependencies);
            }
        }
        dependencies = List.copyOf(dependencies);
    }

    /** A task of kind {@value #DEFAULT_KIND} with an empty description. */
    public Task(String key, List<String> dependencies, TaskFunction function) {
        this(key, dependencies, function, DEFAULT_KIND, "");
    }

    /** "'chunk-3' (file:/x.csv bytes 0-99)", or "'chunk-3'" without a description: how messages name a task. */
    public String displayName() {
        return description.isEmpty() ? "'" + key + "'" : "'" + key + "' (" + description + ")";
    }
}
