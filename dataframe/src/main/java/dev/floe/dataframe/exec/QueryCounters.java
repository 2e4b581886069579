package dev.floe.dataframe.exec;

import java.util.concurrent.atomic.LongAdder;

/** What a query's scans read, added up across its tasks. */
final class QueryCounters {
    final LongAdder rowsRead = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
}
