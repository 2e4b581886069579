package dev.floe.scheduler.internal;

import dev.floe.scheduler.ComputationProfile;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import dev.floe.scheduler.TaskProfile;

/**
 * Graphviz DOT for a task graph, drawn bottom-up like Dask's pictures: one node per task (label =
 * key, fill = its kind's colour, tooltip = kind and description), one edge from each dependency to
 * its dependent. With a profile, fill = wall time on a pale-to-dark-red scale, border = kind, and the
 * label adds the duration; tasks that did not run are grey and dashed.
 */
public final class DotWriter {

    private DotWriter() {}

    public static String write(TaskGraph graph, ComputationProfile profile) {
        Palette palette = new Palette(graph, profile);
        StringBuilder dot = new StringBuilder();
        dot.append("digraph \"floe\" {\n");
        dot.append("  rankdir=BT;\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        dot.append("  edge [color=\"#999999\", arrowsize=0.6];\n");
        for (Task task : graph.tasks()) {
            String tooltip = task.kind() + (task.description().isEmpty() ? "" : ": " + task.description());
            dot.append("  ").append(quote(task.key())).append(" [");
            if (!palette.hasProfile()) {
                dot.append("label=").append(quote(task.key()))
                        .append(", fillcolor=\"").append(palette.kindColour(task.kind())).append('"');
            } else {
                TaskProfile ran = palette.profile(task.key());
                if (ran == null) {
                    dot.append("label=").append(quote(task.key() + "\nnot run"))
                            .append(", fillcolor=\"").append(Palette.NOT_RUN).append("\", style=\"rounded,filled,dashed\"");
                } else {
                    String fill = palette.durationColour(ran.wallNanos());
                    dot.append("label=").append(quote(task.key() + "\n" + Palette.duration(ran.wallNanos())))
                            .append(", fillcolor=\"").append(fill).append('"')
                            .append(", fontcolor=\"").append(Palette.textOn(fill)).append('"');
                    tooltip += "; " + Palette.duration(ran.wallNanos());
                }
                dot.append(", color=\"").append(palette.kindColour(task.kind())).append("\", penwidth=2");
            }
            dot.append(", tooltip=").append(quote(tooltip)).append("];\n");
        }
        for (Task task : graph.tasks()) {
            for (String dependency : new java.util.LinkedHashSet<>(task.dependencies())) {
                dot.append("  ").append(quote(dependency)).append(" -> ").append(quote(task.key())).append(";\n");
            }
        }
        dot.append("}\n");
        return dot.toString();
    }

    /** A DOT string literal: quotes and backslashes escaped, newlines as \n (centred lines). */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> { }
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
