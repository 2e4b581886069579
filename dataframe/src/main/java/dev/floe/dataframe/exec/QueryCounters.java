package dev.floe.dataframe.exec;

import dev.floe.io.RejectLog;
import java.util.concurrent.atomic.LongAdder;

/** What a query's scans read, added up across its tasks. */
final class QueryCounters {
    final LongAdder rowsRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder rowsRejected = new LongAdder();
    /**
     * Shared by every reader of the query, so that a max_rejects budget (a count or a fraction) is per query,
     * not per split, and the query's rejected rows (the first 10,000) are found in one place.
     */
    final RejectLog rejects = new RejectLog();
}
