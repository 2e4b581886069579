package dev.floe.dataframe.exec;

import dev.floe.io.CsvDataset;
import dev.floe.io.Reject;
import dev.floe.io.RejectLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What a query's scans read, added up across its tasks. */
final class QueryCounters {
    final LongAdder rowsRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder rowsRejected = new LongAdder();
    /** Invalid UTF-8 sequences read as U+FFFD (replace_invalid_utf8), over every split. */
    final LongAdder utf8Replacements = new LongAdder();
    /**
     * One log per dataset the query reads, shared by every reader of its splits: a max_rejects budget (a count
     * or a fraction) is that read's, over all of its splits, and does not count another read's rows.
     */
    private final Map<CsvDataset, RejectLog> rejects = new IdentityHashMap<>();

    /** The log the readers of {@code dataset} share. */
    synchronized RejectLog rejectLog(CsvDataset dataset) {
        return rejects.computeIfAbsent(dataset, d -> new RejectLog());
    }

    /** The query scans every split of {@code dataset} (once per call): what its log expects to be read. */
    void scans(CsvDataset dataset) {
        rejectLog(dataset).expect(dataset.splits(), dataset.options());
    }

    /** The rejects the query's reads kept, sorted by file and byte offset: the first {@link RejectLog#DEFAULT_CAPACITY}. */
    List<Reject> rejects() {
        List<Reject> all = new ArrayList<>();
        for (RejectLog log : logs()) {
            all.addAll(log.rejects());
        }
        all.sort(Comparator.comparing(Reject::file).thenComparingLong(Reject::byteOffset));
        return List.copyOf(all.subList(0, Math.min(all.size(), RejectLog.DEFAULT_CAPACITY)));
    }

    /** Fails if a read rejected more than its max_rejects fraction of its records (call when the query is done). */
    void checkFractions() {
        List<Map.Entry<CsvDataset, RejectLog>> reads;
        synchronized (this) {
            reads = new ArrayList<>(rejects.entrySet());
        }
        for (Map.Entry<CsvDataset, RejectLog> read : reads) {
            read.getValue().checkFraction(read.getKey().glob()); // exact if every split was read, else only if certain
        }
    }

    private synchronized List<RejectLog> logs() {
        return new ArrayList<>(rejects.values());
    }
}
