package dev.floe.scheduler;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A value not computed yet: Dask's {@code delayed} for plain Java work on the same scheduler that runs
 * DataFrame queries.
 *
 * <pre>{@code
 * Delayed<List<String>> lines = Delayed.of("read", () -> Files.readAllLines(path));
 * Delayed<Integer> count = lines.then("count", List::size);
 * Delayed<Integer> total = Delayed.combine("sum", List.of(count, otherCount), counts -> counts.stream().mapToInt(c -> c).sum());
 * int n = total.compute();                        // runs the graph on Scheduler.shared()
 * }</pre>
 *
 * Each delayed value is one task; its dependencies are the delayed values it was made from, so a value
 * used twice is computed once. {@link #graph()} is the task graph (to inspect, cull, draw), and
 * {@link #compute(Scheduler)} runs it.
 */
public final class Delayed<T> implements Serializable {
    private static final AtomicLong IDS = new AtomicLong();

    /** A function of the values of some delayed inputs, in order. */
    @FunctionalInterface
    public interface Function<T> extends Serializable {
        T apply(List<Object> inputs) throws Exception;
    }

    /** A function of one value. */
    @FunctionalInterface
    public interface Step<A, B> extends Serializable {
        B apply(A input) throws Exception;
    }

    /** Work with no inputs. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        T get() throws Exception;
    }

    private final String key;
    private final String kind;
    private final List<Delayed<?>> inputs;
    private final Function<T> function;

    private Delayed(String kind, List<Delayed<?>> inputs, Function<T> function) {
        this.kind = requireNonNull(kind, "kind is null");
        this.key = kind + "-" + IDS.incrementAndGet();
        this.inputs = List.copyOf(inputs);
        this.function = requireNonNull(function, "function is null");
    }

    /** A delayed call of {@code source}; {@code name} labels the task (its key is the name plus a number). */
    public static <T> Delayed<T> of(String name, Source<T> source) {
        requireNonNull(source, "source is null");
        return new Delayed<>(name, List.of(), inputs -> source.get());
    }

    /** A value already known, as a delayed value (a task that returns it). */
    public static <T> Delayed<T> value(T value) {
        return new Delayed<>("value", List.of(), inputs -> value);
    }

    /** {@code step} applied to this value's result. */
    @SuppressWarnings("unchecked")
    public <R> Delayed<R> then(String name, Step<T, R> step) {
        requireNonNull(step, "step is null");
        return new Delayed<>(name, List.of(this), inputs -> step.apply((T) inputs.get(0)));
    }

    /** {@code function} of the results of all {@code inputs}, in order. */
    @SuppressWarnings("unchecked")
    public static <A, R> Delayed<R> combine(String name, List<Delayed<A>> inputs, Step<List<A>, R> function) {
        requireNonNull(function, "function is null");
        return new Delayed<>(name, new ArrayList<>(inputs), values -> function.apply((List<A>) (List<?>) values));
    }

    public String key() {
        return key;
    }

    /** The graph of tasks this value needs, with this value's task as its output {@link #key()}. */
    public TaskGraph graph() {
        Map<String, Delayed<?>> all = new LinkedHashMap<>();
        collect(this, all);
        TaskGraph.Builder builder = TaskGraph.builder();
        for (Delayed<?> d : all.values()) {
            List<String> deps = d.inputs.stream().map(Delayed::key).toList();
            Function<?> f = d.function;
            builder.add(new Task(d.key, deps, (ctx, values) -> f.apply(values), d.kind, ""));
        }
        return builder.build();
    }

    private static void collect(Delayed<?> d, Map<String, Delayed<?>> all) {
        if (all.containsKey(d.key)) {
            return;
        }
        for (Delayed<?> in : d.inputs) {
            collect(in, all);
        }
        all.put(d.key, d);
    }

    /** Runs the graph on {@code scheduler} and returns this value; a failure is the task's, wrapped once. */
    @SuppressWarnings("unchecked")
    public T compute(Scheduler scheduler) {
        return (T) scheduler.compute(graph(), List.of(key)).get(key);
    }

    /** {@link #compute(Scheduler)} on the process-wide scheduler. */
    public T compute() {
        return compute(Scheduler.shared());
    }

    @Override
    public String toString() {
        return "Delayed[" + key + "]";
    }
}
