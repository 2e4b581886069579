package dev.floe.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Creates {@link Probe}s and records what happened to them: the leak detector of these tests. */
final class Probes {

    private final List<Probe> all = new CopyOnWriteArrayList<>();
    private final List<String> events;
    private int open;
    private int maxOpen;

    /** @param events where "close key" is appended when a probe closes (may be shared with tasks' "run key") */
    Probes(List<String> events) {
        this.events = events;
    }

    Probes() {
        this(new CopyOnWriteArrayList<>());
    }

    synchronized Probe create(String key, long value) {
        Probe probe = new Probe(this, key, value);
        all.add(probe);
        open++;
        maxOpen = Math.max(maxOpen, open);
        return probe;
    }

    synchronized void closed(Probe probe) {
        events.add("close " + probe.key());
        if (probe.closes() == 1) {
            open--;
        }
    }

    synchronized int openCount() {
        return open;
    }

    synchronized int maxOpen() {
        return maxOpen;
    }

    int created() {
        return all.size();
    }

    /** Keys of probes closed more than once. */
    List<String> closedTwice() {
        List<String> keys = new ArrayList<>();
        for (Probe probe : all) {
            if (probe.closes() > 1) {
                keys.add(probe.key());
            }
        }
        return keys;
    }

    /** Keys of probes still open. */
    List<String> stillOpen() {
        List<String> keys = new ArrayList<>();
        for (Probe probe : all) {
            if (probe.isOpen()) {
                keys.add(probe.key());
            }
        }
        return keys;
    }
}
