package dev.floe.dataframe;

import dev.floe.scheduler.TaskGraph;

/** The part of {@code explain()} that says what each family of tasks does. */
final class GraphDescription {
    private GraphDescription() {
    }

    static String stages(dev.floe.dataframe.exec.QueryPlanner.Planned planned) {
        StringBuilder sb = new StringBuilder();
        for (String note : planned.stages()) {
            sb.append("  ").append(note).append('\n');
        }
        return sb.toString();
    }

    static String summary(TaskGraph graph) {
        return graph.summary();
    }
}
