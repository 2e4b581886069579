package dev.floe.dataframe.exec;

import dev.floe.dataframe.plan.InMemoryData;
import dev.floe.io.CsvDataset;
import dev.floe.io.FileSplit;
import java.io.Serializable;

/** Where a partition's batches come from. */
sealed interface Source extends Serializable {
    /** One split of a CSV file, reading only {@code columns} (schema indices; null for all). */
    record Csv(CsvDataset dataset, FileSplit split, int[] columns) implements Source {
    }

    /**
     * The output of another task: a {@link RowBatches}, or bucket {@code bucket} of a {@link Buckets}
     * when {@code bucket >= 0}.
     */
    record TaskOutput(String key, int bucket) implements Source {
    }

    /** The {@link SortedRuns} of one range of a sort (task {@code key}), read through a k-way merge of its runs. */
    record Sorted(String key) implements Source {
    }

    /** Partition {@code partition} of data held in memory. */
    record Memory(InMemoryData data, int partition) implements Source {
    }

    /** The task this source reads from, or null. */
    default String dependency() {
        if (this instanceof Sorted s) {
            return s.key();
        }
        return this instanceof TaskOutput t ? t.key() : null;
    }

    default String describe() {
        if (this instanceof Csv c) {
            return c.split().describe();
        }
        if (this instanceof TaskOutput t) {
            return "output of " + t.key() + (t.bucket() >= 0 ? " bucket " + t.bucket() : "");
        }
        if (this instanceof Sorted s) {
            return "sorted runs of " + s.key();
        }
        Memory m = (Memory) this;
        return "in-memory partition " + m.partition() + " of " + m.data().describe();
    }
}
