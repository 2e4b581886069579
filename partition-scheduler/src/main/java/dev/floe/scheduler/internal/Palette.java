package dev.floe.scheduler.internal;

import dev.floe.scheduler.ComputationProfile;
import dev.floe.scheduler.Task;
import dev.floe.scheduler.TaskGraph;
import dev.floe.scheduler.TaskProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Colours for graph pictures: one per kind (light enough for dark text), and a scale for durations. */
final class Palette {

    private static final String[] KIND_COLOURS = {
        "#8db9e3", "#f6b26b", "#93c47d", "#e88f8f", "#b4a7d6", "#ffd966", "#76d7c4", "#d5a6bd", "#c9b18f", "#b7b7b7",
    };
    /** ColorBrewer YlOrRd: short tasks pale, long ones dark red. */
    private static final int[][] DURATION_STOPS = {
        {0xff, 0xff, 0xcc}, {0xfe, 0xd9, 0x76}, {0xfd, 0x8d, 0x3c}, {0xe3, 0x1a, 0x1c}, {0x80, 0x00, 0x26},
    };
    static final String NOT_RUN = "#eeeeee";

    private final Map<String, String> kindColours = new LinkedHashMap<>();
    private final Map<String, TaskProfile> profiles = new HashMap<>();
    private final long minNanos;
    private final long maxNanos;

    Palette(TaskGraph graph, ComputationProfile profile) {
        for (Task task : graph.tasks()) {
            kindColours.computeIfAbsent(task.kind(),
                    kind -> KIND_COLOURS[kindColours.size() % KIND_COLOURS.length]);
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        if (profile != null) {
            for (TaskProfile task : profile.tasks()) {
                if (graph.contains(task.key())) {
                    profiles.put(task.key(), task);
                    min = Math.min(min, task.wallNanos());
                    max = Math.max(max, task.wallNanos());
                }
            }
        }
        this.minNanos = profiles.isEmpty() ? 0 : min;
        this.maxNanos = max;
    }

    /** Kinds in first-seen order with their colours. */
    Map<String, String> kinds() {
        return kindColours;
    }

    String kindColour(String kind) {
        return kindColours.getOrDefault(kind, KIND_COLOURS[KIND_COLOURS.length - 1]);
    }

    boolean hasProfile() {
        return !profiles.isEmpty();
    }

    /** The task's profile, or null if it did not run. */
    TaskProfile profile(String key) {
        return profiles.get(key);
    }

    long minNanos() {
        return minNanos;
    }

    long maxNanos() {
        return maxNanos;
    }

    /** The colour of a wall time on the scale from the fastest to the slowest task. */
    String durationColour(long nanos) {
        double t = maxNanos == minNanos ? 1.0 : (double) (nanos - minNanos) / (maxNanos - minNanos);
        return scale(Math.max(0, Math.min(1, t)));
    }

    /** t in [0, 1] along the duration scale. */
    static String scale(double t) {
        double position = t * (DURATION_STOPS.length - 1);
        int low = Math.min(DURATION_STOPS.length - 2, (int) Math.floor(position));
        double f = position - low;
        int[] a = DURATION_STOPS[low];
        int[] b = DURATION_STOPS[low + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    /** Evenly spaced colours of the duration scale, for a legend gradient. */
    static List<String> scaleStops(int count) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stops.add(scale(count == 1 ? 0 : (double) i / (count - 1)));
        }
        return stops;
    }

    /** Black or white, whichever reads better on {@code hex}. */
    static String textOn(String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? "#222222" : "#ffffff";
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** "12.3 ms" */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
