package dev.floe.scheduler.internal;

import dev.floe.scheduler.ComputationProfile;
import dev.floe.scheduler.TaskGraph;
import dev.floe.scheduler.TaskProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (well-formed XHTML: no scripts, fonts or files from elsewhere) with the
 * task graph as inline SVG, laid out by {@link GraphLayout}: leaves at the bottom, edges curving up
 * from dependency to dependent, nodes coloured by kind with a legend — or, given a profile, by wall
 * time with the profile table below. Hovering a node shows its key, kind, description and times
 * (SVG {@code <title>}). Up to {@value GraphLayout#LABELLED_WIDTH} nodes per layer are labelled boxes; wider
 * graphs become small circles, and layers beyond {@link GraphLayout#MAX_PER_LAYER} are collapsed.
 *
 * <p>Markup: each node is {@code <g class="node">}, each edge {@code <path class="edge">}.
 */
public final class HtmlGraphWriter {

    private static final int MARGIN = 24;

    private HtmlGraphWriter() {}

    public static String write(TaskGraph graph, ComputationProfile profile) {
        GraphLayout layout = GraphLayout.of(graph);
        Palette palette = new Palette(graph, profile);
        boolean labelled = layout.labelled();
        double slot = labelled ? 106 : GraphLayout.COMPACT_SLOT_PX;
        double nodeW = labelled ? 94 : 16;
        double nodeH = labelled ? 32 : 16;
        double maxX = 0;
        for (GraphLayout.Node node : layout.nodes()) {
            double halfExtra = node.isCollapsed() && !labelled ? (GraphLayout.foldedWidthPx(node.hidden()) - nodeW) / 2 / slot : 0;
            maxX = Math.max(maxX, node.x() + halfExtra);
        }
        double width = Math.max(320, maxX * slot + nodeW + 2 * MARGIN);
        // not flatter than about 2.6 : 1, so that the picture stays legible when scaled to a window's width
        double rowGap = layout.layers() < 2 ? 0
                : Math.max(labelled ? 86 : 56, Math.min(labelled ? 170 : 130,
                        (width / 2.6 - nodeH - 2 * MARGIN) / (layout.layers() - 1)));
        double height = Math.max(1, layout.layers() - 1) * rowGap + nodeH + 2 * MARGIN;
        double[] cx = new double[layout.nodes().size()];
        double[] cy = new double[layout.nodes().size()];
        double offset = (width - (maxX * slot + nodeW)) / 2; // centre the drawing when narrower than the minimum
        for (GraphLayout.Node node : layout.nodes()) {
            cx[node.id()] = offset + nodeW / 2 + node.x() * slot;
            cy[node.id()] = MARGIN + nodeH / 2 + (layout.layers() - 1 - node.layer()) * rowGap;
        }

        StringBuilder html = new StringBuilder(8192 + 600 * layout.nodes().size());
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Floe task graph: ").append(esc(graph.summary())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Task graph</h1>\n<p class=\"summary\">").append(esc(graph.summary()));
        if (palette.hasProfile()) {
            html.append(" &#8212; ").append(esc(profile.computation())).append(", ")
                    .append(esc(Palette.duration(profile.wallNanos()))).append(" wall");
        }
        html.append("</p>\n");
        if (layout.collapsedTasks() > 0) {
            html.append("<p class=\"note\">").append(layout.collapsedTasks())
                    .append(" tasks are folded into dashed \"+N\" nodes to keep every layer at most ")
                    .append(GraphLayout.MAX_PER_LAYER).append(" wide; hover a node for its key and details.</p>\n");
        }
        legend(html, palette);
        html.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
                        + " role=\"img\" aria-label=\"task graph\">\n", width, height, width, height));
        html.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"")
                .append(labelled ? 7 : 5).append("\" markerHeight=\"").append(labelled ? 7 : 5)
                .append("\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#8a8a8a\"/></marker></defs>\n");
        html.append("<g class=\"edges\">\n");
        for (GraphLayout.Edge edge : layout.edges()) {
            double x1 = cx[edge.from()];
            double y1 = cy[edge.from()] - nodeH / 2;
            double x2 = cx[edge.to()];
            double y2 = cy[edge.to()] + nodeH / 2 + 1;
            double mid = (y1 + y2) / 2;
            html.append(String.format(Locale.ROOT,
                    "<path class=\"edge\" d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" marker-end=\"url(#arrow)\"%s/>\n",
                    x1, y1, x1, mid, x2, mid, x2, y2, labelled ? "" : " stroke-width=\"0.7\""));
        }
        html.append("</g>\n<g class=\"nodes\">\n");
        for (GraphLayout.Node node : layout.nodes()) {
            node(html, node, palette, cx[node.id()], cy[node.id()], nodeW, nodeH, labelled);
        }
        html.append("</g>\n</svg>\n");
        if (palette.hasProfile()) {
            html.append("<h2>Profile</h2>\n<pre class=\"profile\">").append(esc(profile.toTable())).append("</pre>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void node(StringBuilder html, GraphLayout.Node node, Palette palette, double x, double y,
                             double w, double h, boolean labelled) {
        String kind = node.task().kind();
        String stroke = "#555555";
        String fill = palette.kindColour(kind);
        String dash = "";
        StringBuilder title = new StringBuilder();
        String label = node.task().key();
        if (node.isCollapsed()) {
            label = labelled ? "+" + node.hidden() + " more" : "+" + node.hidden();
            fill = "#ffffff";
            stroke = palette.kindColour(kind);
            dash = " stroke-dasharray=\"4 3\"";
            title.append(node.hidden()).append(" more tasks, the first '").append(node.task().key())
                    .append("' (kind ").append(kind).append(")");
        } else {
            title.append(node.task().key()).append("\nkind: ").append(kind);
            if (!node.task().description().isEmpty()) {
                title.append("\n").append(node.task().description());
            }
            if (palette.hasProfile()) {
                TaskProfile ran = palette.profile(node.task().key());
                stroke = palette.kindColour(kind);
                if (ran == null) {
                    fill = Palette.NOT_RUN;
                    dash = " stroke-dasharray=\"3 2\"";
                    title.append("\nnot run");
                } else {
                    fill = palette.durationColour(ran.wallNanos());
                    title.append("\nduration: ").append(Palette.duration(ran.wallNanos()))
                            .append("\nwaited (ready to start): ").append(Palette.duration(ran.waitingNanos()));
                    if (ran.cpuNanos() >= 0) {
                        title.append("\ncpu: ").append(Palette.duration(ran.cpuNanos()));
                    }
                    if (ran.rows() > 0 || ran.bytes() > 0) {
                        title.append("\nrows: ").append(ran.rows()).append(", bytes: ").append(ran.bytes());
                    }
                    title.append("\nthread: ").append(ran.thread());
                    if (ran.attempts() > 1) {
                        title.append("\nattempts: ").append(ran.attempts());
                    }
                    if (!ran.succeeded()) {
                        title.append("\nFAILED");
                        stroke = "#d00000";
                    }
                }
            }
        }
        double strokeWidth = palette.hasProfile() || node.isCollapsed() ? 2 : 1;
        html.append("<g class=\"node").append(node.isCollapsed() ? " more" : "").append("\" data-key=\"")
                .append(esc(node.task().key())).append("\"><title>").append(esc(title.toString())).append("</title>");
        if (labelled || node.isCollapsed()) {
            double boxW = labelled ? w : GraphLayout.foldedWidthPx(node.hidden());
            double boxH = labelled ? h : h + 2;
            html.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                    x - boxW / 2, y - boxH / 2, boxW, boxH, labelled ? 8 : 5, fill, stroke, strokeWidth, dash));
            html.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"%d\">%s</text>",
                    x, y + (labelled ? 4 : 3.5), node.isCollapsed() ? "#333333" : Palette.textOn(fill),
                    labelled ? 13 : 10, esc(shorten(label, labelled ? 13 : 12))));
        } else {
            html.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                    x, y, w / 2, fill, stroke, strokeWidth, dash));
        }
        html.append("</g>\n");
    }

    private static void legend(StringBuilder html, Palette palette) {
        html.append("<div class=\"legend\">");
        if (palette.hasProfile()) {
            List<String> stops = Palette.scaleStops(5);
            html.append("<span>wall time <span class=\"time\">").append(esc(Palette.duration(palette.minNanos())))
                    .append("</span> <span class=\"gradient\" style=\"background: linear-gradient(to right, ")
                    .append(String.join(", ", stops)).append(")\"></span> <span class=\"time\">")
                    .append(esc(Palette.duration(palette.maxNanos()))).append("</span></span>");
            html.append("<span><span class=\"swatch\" style=\"background: ").append(Palette.NOT_RUN)
                    .append("; border-style: dashed\"></span>not run</span>");
            html.append("<span class=\"sep\">border = kind:</span>");
        }
        for (Map.Entry<String, String> kind : palette.kinds().entrySet()) {
            html.append("<span><span class=\"swatch\" style=\"")
                    .append(palette.hasProfile() ? "background: #ffffff; border: 2px solid " : "background: ")
                    .append(kind.getValue()).append("\"></span>").append(esc(kind.getKey())).append("</span>");
        }
        html.append("</div>\n");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Escapes text for XML content and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' '); // not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 20px 24px; color: #222222; background: #ffffff; }
            h1 { font-size: 18px; margin: 0 0 4px 0; }
            h2 { font-size: 15px; margin: 18px 0 6px 0; }
            .summary { color: #555555; font-size: 13px; margin: 0 0 8px 0; }
            .note { color: #8a5a00; font-size: 12px; margin: 0 0 8px 0; }
            .legend { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; font-size: 12px; margin: 0 0 10px 0; }
            .swatch { display: inline-block; width: 14px; height: 14px; border-radius: 4px; border: 1px solid #666666; vertical-align: middle; margin-right: 5px; box-sizing: border-box; }
            .gradient { display: inline-block; width: 140px; height: 12px; border: 1px solid #999999; vertical-align: middle; }
            .time { color: #555555; }
            .sep { color: #555555; }
            svg { max-width: 100%; height: auto; display: block; }
            svg text { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; text-anchor: middle; pointer-events: none; }
            svg .edge { fill: none; stroke: #a0a0a0; stroke-width: 1.3; }
            svg .node:hover rect, svg .node:hover circle { stroke: #000000; stroke-width: 3; }
            pre.profile { font-size: 12px; background: #f6f6f6; padding: 10px; border-radius: 6px; overflow-x: auto; }
            """;
}
