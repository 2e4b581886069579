package dev.floe.scheduler.internal;

import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered ("Sugiyama") drawing of a task graph for {@link HtmlGraphWriter}: leaves at the bottom,
 * each dependent above its dependencies, as in Dask's pictures.
 *
 * <pre>
 *   1. layer     = length of the longest dependency chain below the task (leaves: 0)
 *   2. collapse  = a layer wider than {@link #MAX_PER_LAYER} keeps its first nodes (in the static
 *                  depth-first order) and folds the rest into one "+N more" node that inherits their edges
 *   3. order     = start from the static order (siblings of one reduction are adjacent) and, again,
 *                  from the order the tasks were added in (partition order); from each, barycentre
 *                  sweeps up and down, each followed by swapping neighbours while that removes
 *                  crossings ("transpose"); the order with the fewest crossings wins
 *   4. x         = the widest layer evenly spaced; each other layer, sweeping away from it, places a
 *                  node at the mean x of its neighbours in the layer already placed, pushed right to
 *                  keep the minimum gap, then re-centred; so a combine sits over its chunks
 * </pre>
 *
 * Coordinates are in abstract units: x in node slots (gap 1), y in layers; the writer scales them.
 */
public final class GraphLayout {

    /** Beyond this many nodes a layer is collapsed. */
    public static final int MAX_PER_LAYER = 60;
    /** Up to this many nodes in the widest layer, nodes are labelled boxes; beyond, small circles. */
    public static final int LABELLED_WIDTH = 24;
    /** The distance between neighbours in a layer when nodes are circles, in pixels. */
    public static final double COMPACT_SLOT_PX = 22;

    /** A drawn node: a task, or {@code hidden} tasks folded into one ({@code task} is then the first of them). */
    public record Node(int id, Task task, int layer, int hidden, double x) {
        public boolean isCollapsed() {
            return hidden > 0;
        }
    }

    /** An edge from a dependency (lower layer) to a dependent. */
    public record Edge(int from, int to) {}

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final int layers;
    private final int maxLayerWidth;
    private final int collapsedTasks;
    private final boolean labelled;

    private GraphLayout(List<Node> nodes, List<Edge> edges, int layers, int maxLayerWidth, int collapsedTasks,
                        boolean labelled) {
        this.labelled = labelled;
        this.nodes = nodes;
        this.edges = edges;
        this.layers = layers;
        this.maxLayerWidth = maxLayerWidth;
        this.collapsedTasks = collapsedTasks;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int layers() {
        return layers;
    }

    /** The number of nodes in the widest layer (after collapsing). */
    public int maxLayerWidth() {
        return maxLayerWidth;
    }

    /** True if nodes are drawn as labelled boxes, false for small circles. */
    public boolean labelled() {
        return labelled;
    }

    /** The width in pixels of the "+N" box of a folded node drawn among circles. */
    public static double foldedWidthPx(int hidden) {
        return 6.2 * ("+" + hidden).length() + 10;
    }

    /** Tasks folded into "+N more" nodes. */
    public int collapsedTasks() {
        return collapsedTasks;
    }

    public static GraphLayout of(TaskGraph graph) {
        List<String> order = graph.order(Topology.outputsOf(graph));
        Map<String, Integer> layerOf = new HashMap<>();
        int layerCount = 0;
        for (String key : order) { // dependencies come first in the static order
            int layer = 0;
            for (String dependency : graph.task(key).dependencies()) {
                layer = Math.max(layer, layerOf.get(dependency) + 1);
            }
            layerOf.put(key, layer);
            layerCount = Math.max(layerCount, layer + 1);
        }
        // nodes per layer in static order, collapsing wide layers
        List<List<Integer>> byLayer = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            byLayer.add(new ArrayList<>());
        }
        List<Task> nodeTask = new ArrayList<>();
        List<Integer> nodeLayer = new ArrayList<>();
        List<Integer> nodeHidden = new ArrayList<>();
        Map<String, Integer> nodeOf = new HashMap<>();
        int[] perLayer = new int[layerCount];
        for (String key : order) {
            perLayer[layerOf.get(key)]++;
        }
        Map<String, String> foldInto = foldWideLayers(graph, order, layerOf, perLayer);
        Map<String, Integer> foldNode = new HashMap<>();
        Map<String, Integer> foldSize = new HashMap<>();
        foldInto.values().forEach(group -> foldSize.merge(group, 1, Integer::sum));
        for (String key : order) {
            int layer = layerOf.get(key);
            String group = foldInto.get(key);
            if (group != null && foldNode.containsKey(group)) {
                nodeOf.put(key, foldNode.get(group));
                continue;
            }
            if (group != null) {
                foldNode.put(group, nodeTask.size());
            }
            nodeOf.put(key, nodeTask.size());
            byLayer.get(layer).add(nodeTask.size());
            nodeTask.add(graph.task(key));
            nodeLayer.add(layer);
            nodeHidden.add(group == null ? 0 : foldSize.get(group));
        }
        int collapsed = foldInto.size();
        int n = nodeTask.size();
        Set<Edge> edgeSet = new LinkedHashSet<>();
        for (String key : order) {
            for (String dependency : graph.task(key).dependencies()) {
                int from = nodeOf.get(dependency);
                int to = nodeOf.get(key);
                if (from != to) {
                    edgeSet.add(new Edge(from, to));
                }
            }
        }
        List<Edge> edges = List.copyOf(edgeSet);
        List<List<Integer>> down = new ArrayList<>(); // dependencies of a node
        List<List<Integer>> up = new ArrayList<>();   // dependents of a node
        for (int i = 0; i < n; i++) {
            down.add(new ArrayList<>());
            up.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            down.get(edge.to()).add(edge.from());
            up.get(edge.from()).add(edge.to());
        }
        Map<String, Integer> added = new HashMap<>();
        for (Task task : graph.tasks()) {
            added.put(task.key(), added.size());
        }
        List<List<Integer>> byAdded = new ArrayList<>();
        for (List<Integer> layer : byLayer) {
            List<Integer> sorted = new ArrayList<>(layer);
            sorted.sort(Comparator.comparingInt(node -> added.get(nodeTask.get(node).key())));
            byAdded.add(sorted);
        }
        List<List<Integer>> ordered = orderLayers(byLayer, up, down, edges, n);
        List<List<Integer>> fromAdded = orderLayers(byAdded, up, down, edges, n);
        if (crossings(fromAdded, edges, n) < crossings(ordered, edges, n)) {
            ordered = fromAdded;
        }
        int widest = ordered.stream().mapToInt(List::size).max().orElse(0);
        boolean labelled = widest <= LABELLED_WIDTH;
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = labelled || nodeHidden.get(i) == 0 ? 1 : foldedWidthPx(nodeHidden.get(i)) / COMPACT_SLOT_PX + 0.3;
        }
        double[] x = placeX(ordered, up, down, size, n);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(i, nodeTask.get(i), nodeLayer.get(i), nodeHidden.get(i), x[i]));
        }
        return new GraphLayout(List.copyOf(nodes), edges, layerCount, widest, collapsed, labelled);
    }

    /**
     * Which tasks of over-wide layers are folded, and into which group. A layer whose tasks feed
     * few dependents (the chunks of a tree reduction) keeps the first tasks of each dependent's
     * inputs and folds the rest, so every combine still shows a chunk and a "+7"; otherwise the
     * layer keeps its first {@code MAX_PER_LAYER - 1} tasks and folds the rest into one node.
     */
    private static Map<String, String> foldWideLayers(TaskGraph graph, List<String> order, Map<String, Integer> layerOf,
                                                      int[] perLayer) {
        Map<String, String> foldInto = new HashMap<>();
        for (int layer = 0; layer < perLayer.length; layer++) {
            if (perLayer[layer] <= MAX_PER_LAYER) {
                continue;
            }
            Map<String, List<String>> byDependent = new java.util.LinkedHashMap<>();
            List<String> keys = new ArrayList<>();
            for (String key : order) {
                if (layerOf.get(key) == layer) {
                    keys.add(key);
                    Set<String> dependents = graph.dependents(key);
                    String first = dependents.isEmpty() ? "=" + key : dependents.iterator().next();
                    byDependent.computeIfAbsent(first, d -> new ArrayList<>()).add(key);
                }
            }
            int budget = MAX_PER_LAYER / byDependent.size();
            if (budget >= 2) {
                for (Map.Entry<String, List<String>> group : byDependent.entrySet()) {
                    List<String> members = group.getValue();
                    for (int i = budget - 1; i < members.size() && members.size() > budget; i++) {
                        foldInto.put(members.get(i), layer + " under " + group.getKey());
                    }
                }
            } else {
                for (String key : keys.subList(MAX_PER_LAYER - 1, keys.size())) {
                    foldInto.put(key, layer + " rest");
                }
            }
        }
        return foldInto;
    }

    // ---- 3. ordering within layers ----------------------------------------------------------------

    private static List<List<Integer>> orderLayers(List<List<Integer>> initial, List<List<Integer>> up,
                                                   List<List<Integer>> down, List<Edge> edges, int n) {
        List<List<Integer>> current = copy(initial);
        List<List<Integer>> best = copy(current);
        long bestCrossings = crossings(best, edges, n);
        for (int round = 0; round < 6 && bestCrossings > 0 && edges.size() <= 5_000; round++) {
            for (int l = 1; l < current.size(); l++) {
                sortByBarycentre(current.get(l), down, positions(current, n));
            }
            for (int l = current.size() - 2; l >= 0; l--) {
                sortByBarycentre(current.get(l), up, positions(current, n));
            }
            transpose(current, up, down, n);
            long crossings = crossings(current, edges, n);
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                best = copy(current);
            }
        }
        return best;
    }

    private static void sortByBarycentre(List<Integer> layer, List<List<Integer>> neighbours, double[] position) {
        Map<Integer, Double> key = new HashMap<>();
        for (int node : layer) {
            List<Integer> near = neighbours.get(node);
            double sum = 0;
            for (int other : near) {
                sum += position[other];
            }
            key.put(node, near.isEmpty() ? position[node] : sum / near.size());
        }
        // stable: ties keep their order; nodes without neighbours keep (about) their place
        layer.sort(Comparator.comparingDouble(key::get));
    }

    /** Swaps neighbours in a layer while that reduces the crossings of their edges; a few passes at most. */
    private static void transpose(List<List<Integer>> layers, List<List<Integer>> up, List<List<Integer>> down, int n) {
        for (int pass = 0; pass < 8; pass++) {
            boolean improved = false;
            double[] position = positions(layers, n);
            for (List<Integer> layer : layers) {
                for (int i = 0; i + 1 < layer.size(); i++) {
                    int u = layer.get(i);
                    int v = layer.get(i + 1);
                    long keep = pairCrossings(u, v, down, position) + pairCrossings(u, v, up, position);
                    long swap = pairCrossings(v, u, down, position) + pairCrossings(v, u, up, position);
                    if (swap < keep) {
                        layer.set(i, v);
                        layer.set(i + 1, u);
                        double t = position[u];
                        position[u] = position[v];
                        position[v] = t;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /** Crossings between the edges of {@code left} and of {@code right} to their neighbours, with left placed first. */
    private static long pairCrossings(int left, int right, List<List<Integer>> neighbours, double[] position) {
        long count = 0;
        for (int p : neighbours.get(left)) {
            for (int q : neighbours.get(right)) {
                if (position[p] > position[q]) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Position of each node in its layer, scaled to [0, 1] so layers of different widths compare. */
    private static double[] positions(List<List<Integer>> layers, int n) {
        double[] position = new double[n];
        for (List<Integer> layer : layers) {
            for (int i = 0; i < layer.size(); i++) {
                position[layer.get(i)] = layer.size() == 1 ? 0.5 : (double) i / (layer.size() - 1);
            }
        }
        return position;
    }

    /** Crossings between edges whose ends lie in the same pair of layers (long edges count by their ends). */
    static long crossings(List<List<Integer>> layers, List<Edge> edges, int n) {
        int[] layerOf = new int[n];
        int[] index = new int[n];
        for (int l = 0; l < layers.size(); l++) {
            for (int i = 0; i < layers.get(l).size(); i++) {
                layerOf[layers.get(l).get(i)] = l;
                index[layers.get(l).get(i)] = i;
            }
        }
        long count = 0;
        for (int a = 0; a < edges.size(); a++) {
            Edge e = edges.get(a);
            for (int b = a + 1; b < edges.size(); b++) {
                Edge f = edges.get(b);
                if (layerOf[e.from()] != layerOf[f.from()] || layerOf[e.to()] != layerOf[f.to()]) {
                    continue;
                }
                long s = Integer.signum(index[e.from()] - index[f.from()]);
                long t = Integer.signum(index[e.to()] - index[f.to()]);
                if (s * t < 0) {
                    count++;
                }
            }
        }
        return count;
    }

    // ---- 4. x coordinates -------------------------------------------------------------------------

    private static double[] placeX(List<List<Integer>> layers, List<List<Integer>> up, List<List<Integer>> down,
                                   double[] size, int n) {
        double[] x = new double[n];
        boolean[] placed = new boolean[n];
        int widest = 0;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).size() > layers.get(widest).size()) {
                widest = l;
            }
        }
        List<Integer> anchor = layers.get(widest);
        double[] anchorOffsets = offsets(anchor, size);
        for (int i = 0; i < anchor.size(); i++) {
            x[anchor.get(i)] = anchorOffsets[i];
            placed[anchor.get(i)] = true;
        }
        double centre = anchor.isEmpty() ? 0 : anchorOffsets[anchor.size() - 1] / 2;
        for (int l = widest + 1; l < layers.size(); l++) {
            placeLayer(layers.get(l), down, size, x, placed, centre);
        }
        for (int l = widest - 1; l >= 0; l--) {
            placeLayer(layers.get(l), up, size, x, placed, centre);
        }
        // a second upward pass lets layers above the anchor follow the leaves placed in the downward pass
        for (int l = 1; l < layers.size(); l++) {
            if (l != widest) {
                placeLayer(layers.get(l), down, size, x, placed, centre);
            }
        }
        double min = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[i] - (size[i] - 1) / 2);
        }
        for (int i = 0; i < n; i++) {
            x[i] -= min;
        }
        return x;
    }

    /** The x of each node of a layer packed as tightly as allowed, the first at 0. */
    private static double[] offsets(List<Integer> layer, double[] size) {
        double[] offset = new double[layer.size()];
        for (int i = 1; i < layer.size(); i++) {
            offset[i] = offset[i - 1] + (size[layer.get(i - 1)] + size[layer.get(i)]) / 2;
        }
        return offset;
    }

    /**
     * Each node as close as possible (least squares) to the mean x of its placed neighbours, keeping
     * the layer's order and the minimum gaps: with q = x - offset the gaps become "q non-decreasing",
     * an isotonic regression, solved exactly by pooling adjacent violators.
     */
    private static void placeLayer(List<Integer> layer, List<List<Integer>> neighbours, double[] size, double[] x,
                                   boolean[] placed, double centre) {
        int count = layer.size();
        double[] offset = offsets(layer, size);
        double[] desired = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            int known = 0;
            for (int other : neighbours.get(layer.get(i))) {
                if (placed[other]) {
                    sum += x[other];
                    known++;
                }
            }
            // nodes without placed neighbours: packed around the centre
            desired[i] = known > 0 ? sum / known : centre - offset[count - 1] / 2 + offset[i];
        }
        double[] blockSum = new double[count];
        int[] blockCount = new int[count];
        int blocks = 0;
        for (int i = 0; i < count; i++) {
            blockSum[blocks] = desired[i] - offset[i];
            blockCount[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockSum[blocks - 2] / blockCount[blocks - 2] > blockSum[blocks - 1] / blockCount[blocks - 1]) {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockCount[blocks - 2] += blockCount[blocks - 1];
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            double q = blockSum[b] / blockCount[b];
            for (int k = 0; k < blockCount[b]; k++, i++) {
                x[layer.get(i)] = q + offset[i];
                placed[layer.get(i)] = true;
            }
        }
    }

    private static List<List<Integer>> copy(List<List<Integer>> layers) {
        List<List<Integer>> copy = new ArrayList<>();
        layers.forEach(layer -> copy.add(new ArrayList<>(layer)));
        return copy;
    }
}
