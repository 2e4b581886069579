package dev.floe.dataframe.exec;

import java.util.concurrent.atomic.LongAdder;

/** What a query's scans read, added up across its tasks. */
final class QueryCounters {
    final LongAdder rowsRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder rowsRejected = new LongAdder();
    /** Shared by every reader of the query, so that a max_rejects budget is per query, not per split. */
    final java.util.concurrent.atomic.AtomicLong rejectBudget = new java.util.concurrent.atomic.AtomicLong();
}
