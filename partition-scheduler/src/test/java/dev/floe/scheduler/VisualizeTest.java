package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.floe.scheduler.internal.GraphLayout;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Graph pictures. Writes its samples to target/visualize/ (scripts/check-visualize.sh screenshots
 * them in a headless Chromium): tree-16.html (16 chunks, combines of 4, one finalize), the same after
 * a run (coloured by duration), wide-201.html (collapsed), and DOT files.
 */
class VisualizeTest {

    static final Path OUT = Path.of("target", "visualize");

    @TempDir
    Path dir;

    /** Parses the page as XML (it must be well-formed) and returns its document. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document doc, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String title(Element node) {
        return node.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }

    @Test
    void sixteenChunksDrawAsATidyTree() throws Exception {
        TaskGraph graph = TreeReduction.sum(16, 4);
        String html = graph.toHtml(null);
        Files.createDirectories(OUT);
        TaskGraph.visualize(graph, null, OUT.resolve("tree-16.html"));
        assertEquals(html, Files.readString(OUT.resolve("tree-16.html")));

        Document doc = parse(html);
        List<Element> nodes = withClass(doc, "g", "node");
        assertEquals(21, nodes.size(), "16 chunks, 4 combines, 1 finalize");
        assertEquals(20, withClass(doc, "path", "edge").size(), "one edge per dependency");
        assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"),
                "no external resources");
        Element chunk3 = nodes.stream().filter(n -> n.getAttribute("data-key").equals("chunk-3")).findFirst().orElseThrow();
        assertEquals("chunk-3\nkind: chunk\nfile:/data/part-3.csv", title(chunk3));
        // one legend entry per kind
        assertEquals(3, doc.getElementsByTagNameNS("*", "span").getLength() / 2);

        GraphLayout layout = GraphLayout.of(graph);
        assertEquals(3, layout.layers());
        Map<String, GraphLayout.Node> byKey = new HashMap<>();
        layout.nodes().forEach(n -> byKey.put(n.task().key(), n));
        for (int c = 0; c < 4; c++) {
            double mean = 0;
            for (int i = 4 * c; i < 4 * c + 4; i++) {
                mean += byKey.get("chunk-" + i).x() / 4;
                assertEquals(0, byKey.get("chunk-" + i).layer());
            }
            assertEquals(mean, byKey.get("combine-1-" + c).x(), 1e-9, "combine-1-" + c + " centred over its chunks");
            assertEquals(i(byKey, "chunk-" + (4 * c)) + 1.5, byKey.get("combine-1-" + c).x(), 1e-9);
        }
        for (int i = 0; i < 15; i++) {
            assertEquals(1.0, i(byKey, "chunk-" + (i + 1)) - i(byKey, "chunk-" + i), 1e-9, "chunks evenly spaced, in order");
        }
        assertEquals(7.5, byKey.get("total").x(), 1e-9);
        assertEquals(2, byKey.get("total").layer());
    }

    private static double i(Map<String, GraphLayout.Node> byKey, String key) {
        return byKey.get(key).x();
    }

    @Test
    void afterARunNodesAreColouredByDurationAndTheProfileIsShown() throws Exception {
        TaskGraph graph = TreeReduction.build(16, 4, null, i -> (context, inputs) -> {
            Thread.sleep(2 + (i % 5) * 3L);
            context.reportProgress(1000 * (i + 1), 64_000L * (i + 1));
            return (long) i;
        });
        ComputationProfile profile;
        try (Scheduler scheduler = Scheduler.create(2)) {
            Computation computation = scheduler.submit(graph, List.of("total"));
            computation.get();
            profile = computation.profile();
        }
        Files.createDirectories(OUT);
        TaskGraph.visualize(graph, profile, OUT.resolve("tree-16-profile.html"));
        TaskGraph.visualize(graph, profile, OUT.resolve("tree-16-profile.dot"));
        Document doc = parse(Files.readString(OUT.resolve("tree-16-profile.html")));
        List<Element> nodes = withClass(doc, "g", "node");
        assertEquals(21, nodes.size());
        Element slowest = nodes.stream()
                .filter(n -> n.getAttribute("data-key").equals(profile.byKind().get("chunk").slowest().key()))
                .findFirst().orElseThrow();
        assertTrue(title(slowest).contains("duration: "), title(slowest));
        String pre = doc.getElementsByTagNameNS("*", "pre").item(0).getTextContent();
        assertEquals(profile.toTable(), pre);
        // the fill of the slowest task is the dark end of the scale, the fastest the pale end
        long fastest = Long.MAX_VALUE;
        String fastestKey = null;
        for (TaskProfile task : profile.tasks()) {
            if (task.wallNanos() < fastest) {
                fastest = task.wallNanos();
                fastestKey = task.key();
            }
        }
        String dot = Files.readString(OUT.resolve("tree-16-profile.dot"));
        assertTrue(dot.contains("\"" + fastestKey + "\" [label=\"" + fastestKey + "\\n"), dot);
        assertTrue(Pattern.compile("\"" + fastestKey + "\" \\[[^\\]]*fillcolor=\"#ffffcc\"").matcher(dot).find(), dot);
        assertTrue(Pattern.compile("\"" + profile.byKind().get("chunk").slowest().key()
                + "\" \\[[^\\]]*fillcolor=\"#800026\"").matcher(dot).find(), dot);
    }

    @Test
    void afterAFailureTasksThatDidNotRunAreMarked() throws Exception {
        TaskGraph graph = TreeReduction.build(4, 2, null, i -> (context, inputs) -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return (long) i;
        });
        Computation computation = Scheduler.synchronous().submit(graph, List.of("total"));
        assertThrows(TaskFailedException.class, computation::get);
        ComputationProfile profile = computation.profile();
        Document doc = parse(graph.toHtml(profile));
        Map<String, String> titles = new HashMap<>();
        withClass(doc, "g", "node").forEach(n -> titles.put(n.getAttribute("data-key"), title(n)));
        assertEquals(7, titles.size());
        assertTrue(titles.get("chunk-2").endsWith("\nFAILED"), titles.get("chunk-2"));
        assertTrue(titles.get("total").endsWith("\nnot run"), titles.get("total"));
        assertTrue(titles.get("chunk-3").endsWith("\nnot run"), titles.get("chunk-3"));
        assertTrue(titles.get("combine-1-0").contains("\nduration: "), titles.get("combine-1-0"));
        assertTrue(graph.toDot(profile).contains("\"total\" [label=\"total\\nnot run\""), graph.toDot(profile));
    }

    @Test
    void twoHundredTasksAreScaledDownAndCollapsedWithANote() throws Exception {
        TaskGraph graph = TreeReduction.sum(175, 8); // 175 chunks, 22 + 3 combines, 1 finalize
        assertEquals(201, graph.size());
        String html = graph.toHtml(null);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("wide-201.html"), html);
        Document doc = parse(html);
        // layer 0 (175 chunks under 22 combines) keeps the first chunk of each combine and folds the others
        List<Element> nodes = withClass(doc, "g", "node");
        assertEquals(22 + 22 + 22 + 3 + 1, nodes.size());
        List<Element> more = withClass(doc, "g", "more");
        assertEquals(22, more.size());
        assertEquals("7 more tasks, the first 'chunk-1' (kind chunk)", title(more.get(0)));
        assertEquals("6 more tasks, the first 'chunk-169' (kind chunk)", title(more.get(21)));
        // each kept chunk and each folded node: one edge to its combine; then 22 + 3 edges above
        assertEquals(22 + 22 + 22 + 3, withClass(doc, "path", "edge").size());
        assertTrue(html.contains("153 tasks are folded into dashed"), "a note says what was collapsed");
        assertEquals(22, doc.getElementsByTagNameNS("*", "rect").getLength(), "compact: circles, a box per '+N'");
        assertEquals(22 + 22 + 3 + 1, doc.getElementsByTagNameNS("*", "circle").getLength());
    }

    @Test
    void aWideLayerWithoutSharedDependentsKeepsItsFirstTasks() throws Exception {
        TaskGraph.Builder builder = TaskGraph.builder();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            builder.add("map-" + i, List.of(), (c, in) -> 1);
            keys.add("map-" + i);
        }
        Document doc = parse(builder.build().toHtml(null));
        assertEquals(60, withClass(doc, "g", "node").size());
        List<Element> more = withClass(doc, "g", "more");
        assertEquals(1, more.size());
        assertEquals("11 more tasks, the first 'map-59' (kind task)", title(more.get(0)));
        assertEquals(0, withClass(doc, "path", "edge").size());
    }

    @Test
    void dotHasOneNodePerTaskAndOneEdgePerDependency() {
        TaskGraph graph = TaskGraph.builder()
                .add(new Task("read \"a\"", List.of(), (c, in) -> 1, "read-csv", "file:C:\\data\\a.csv"))
                .add(new Task("b", List.of("read \"a\"", "read \"a\""), (c, in) -> 2, "combine", ""))
                .add(new Task("c", List.of("b", "read \"a\""), (c, in) -> 3, "finalize", ""))
                .build();
        String dot = graph.toDot();
        List<String> nodeLines = new ArrayList<>();
        List<String> edgeLines = new ArrayList<>();
        for (String line : dot.lines().toList()) {
            if (line.contains(" -> ")) {
                edgeLines.add(line.trim());
            } else if (line.trim().startsWith("\"")) {
                nodeLines.add(line.trim());
            }
        }
        assertEquals(List.of(
                "\"read \\\"a\\\"\" [label=\"read \\\"a\\\"\", fillcolor=\"#8db9e3\", tooltip=\"read-csv: file:C:\\\\data\\\\a.csv\"];",
                "\"b\" [label=\"b\", fillcolor=\"#f6b26b\", tooltip=\"combine\"];",
                "\"c\" [label=\"c\", fillcolor=\"#93c47d\", tooltip=\"finalize\"];"), nodeLines);
        assertEquals(List.of("\"read \\\"a\\\"\" -> \"b\";", "\"b\" -> \"c\";", "\"read \\\"a\\\"\" -> \"c\";"), edgeLines);
        assertTrue(dot.startsWith("digraph \"floe\" {\n  rankdir=BT;"), dot);
        assertTrue(dot.endsWith("}\n"));
    }

    @Test
    void keysThatNeedEscapingStayWellFormed() throws Exception {
        TaskGraph graph = TaskGraph.builder()
                .add(new Task("a<b>&\"c'", List.of(), (c, in) -> 1, "k&<>", "d\u0001e"))
                .add("z", List.of("a<b>&\"c'"), (c, in) -> 2)
                .build();
        Document doc = parse(graph.toHtml(null));
        List<Element> nodes = withClass(doc, "g", "node");
        assertEquals("a<b>&\"c'", nodes.get(0).getAttribute("data-key"));
        assertEquals("a<b>&\"c'\nkind: k&<>\nd e", title(nodes.get(0)));
    }

    @Test
    void visualizeChoosesTheFormatByExtension() throws Exception {
        TaskGraph graph = TreeReduction.sum(3, 2);
        TaskGraph.visualize(graph, null, dir.resolve("g.dot"));
        TaskGraph.visualize(graph, null, dir.resolve("g.HTML"));
        assertEquals(graph.toDot(), Files.readString(dir.resolve("g.dot")));
        assertEquals(graph.toHtml(null), Files.readString(dir.resolve("g.HTML")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskGraph.visualize(graph, null, dir.resolve("g.png")));
        assertTrue(e.getMessage().startsWith("cannot tell the picture format of '"), e.getMessage());
        assertTrue(e.getMessage().contains("g.png"), e.getMessage());
    }

    @Test
    void aLadderListedOutOfOrderIsDrawnWithoutCrossings() {
        // z_i reads a_i and a_(i+1); the output lists the z's shuffled, so the static order is not the drawing order
        TaskGraph.Builder builder = TaskGraph.builder();
        for (int i = 0; i < 7; i++) {
            builder.add("a" + i, List.of(), (c, in) -> 1);
        }
        for (int i = 0; i < 6; i++) {
            builder.add("z" + i, List.of("a" + i, "a" + (i + 1)), (c, in) -> 1);
        }
        builder.add("out", List.of("z3", "z0", "z5", "z1", "z4", "z2"), (c, in) -> 1);
        GraphLayout layout = GraphLayout.of(builder.build());
        int crossings = 0;
        for (GraphLayout.Edge e : layout.edges()) {
            for (GraphLayout.Edge f : layout.edges()) {
                GraphLayout.Node e1 = layout.nodes().get(e.from());
                GraphLayout.Node f1 = layout.nodes().get(f.from());
                GraphLayout.Node e2 = layout.nodes().get(e.to());
                GraphLayout.Node f2 = layout.nodes().get(f.to());
                if (e1.layer() == f1.layer() && e2.layer() == f2.layer() && e1.x() < f1.x() && e2.x() > f2.x()) {
                    crossings++;
                }
            }
        }
        assertEquals(0, crossings, layout.nodes().toString());
    }
}
