package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

    static final TaskFunction NOTHING = (context, inputs) -> null;

    @Test
    void duplicateKeysAreRejectedByName() {
        TaskGraph.Builder builder = TaskGraph.builder()
                .add("a", List.of(), NOTHING)
                .add("b", List.of(), NOTHING)
                .add("a", List.of(), NOTHING)
                .add("b", List.of("a"), NOTHING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("duplicate task keys: 'a', 'b'", e.getMessage());
    }

    @Test
    void missingDependencyIsRejectedNamingBothKeys() {
        TaskGraph.Builder builder = TaskGraph.builder()
                .add("a", List.of(), NOTHING)
                .add("b", List.of("a", "x"), NOTHING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("dependencies that are not tasks of the graph: 'b' depends on 'x'", e.getMessage());
    }

    @Test
    void cycleIsRejectedNamingTheCycle() {
        TaskGraph.Builder builder = TaskGraph.builder()
                .add("root", List.of(), NOTHING)
                .add("a", List.of("root", "b"), NOTHING)
                .add("b", List.of("c"), NOTHING)
                .add("c", List.of("a"), NOTHING)
                .add("after", List.of("c"), NOTHING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("cycle in task graph: 'a' depends on 'b' depends on 'c' depends on 'a'", e.getMessage());
    }

    @Test
    void selfDependencyIsACycle() {
        TaskGraph.Builder builder = TaskGraph.builder().add("a", List.of("a"), NOTHING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertEquals("cycle in task graph: 'a' depends on 'a'", e.getMessage());
    }

    @Test
    void taskRejectsNullsWithTheirName() {
        assertEquals("key is null",
                assertThrows(NullPointerException.class, () -> new Task(null, List.of(), NOTHING)).getMessage());
        assertEquals("function is null",
                assertThrows(NullPointerException.class, () -> new Task("a", List.of(), null)).getMessage());
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("a dependency of task 'a' is null: [null]",
                assertThrows(NullPointerException.class, () -> new Task("a", withNull, NOTHING)).getMessage());
    }

    @Test
    void taskCopiesItsDependencies() {
        List<String> dependencies = new ArrayList<>(List.of("x"));
        Task task = new Task("a", dependencies, NOTHING);
        dependencies.add("y");
        assertEquals(List.of("x"), task.dependencies());
        assertEquals("task", task.kind());
        assertEquals("", task.description());
    }

    @Test
    void summaryCountsKindsAndDepth() {
        TaskGraph graph = TreeReduction.sum(4, 2);
        assertEquals("7 tasks: 4 chunk, 2 combine, 1 finalize; depth 3", graph.summary());
        assertEquals("1 task: 1 task; depth 1", TaskGraph.builder().add("a", List.of(), NOTHING).build().summary());
        assertEquals("0 tasks; depth 0", TaskGraph.builder().build().summary());
    }

    @Test
    void dependentsAndLookup() {
        TaskGraph graph = TreeReduction.sum(4, 2);
        assertEquals(Set.of("combine-1-0"), graph.dependents("chunk-1"));
        assertEquals(Set.of(), graph.dependents(TreeReduction.TOTAL));
        assertEquals(List.of("combine-1-0", "combine-1-1"), graph.task(TreeReduction.TOTAL).dependencies());
        assertEquals(7, graph.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.task("nope"));
        assertEquals("no task 'nope' in graph of 7 tasks", e.getMessage());
    }
}
