package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * A glob and its read options, and the {@link CsvDataset} (files, schema, splits) they resolve to,
 * opened once on first use and then shared by every plan built on it. Equality is by glob and options.
 */
public final class ScanSource implements Serializable {
    private final String glob;
    private final CsvOptions options;
    private volatile CsvDataset dataset;
    private volatile int opens;

    public ScanSource(String glob, CsvOptions options) {
        this.glob = requireNonNull(glob, "glob is null");
        this.options = requireNonNull(options, "options is null");
    }

    public String glob() {
        return glob;
    }

    public CsvOptions options() {
        return options;
    }

    /** Lists the files and infers the schema the first time it is called. */
    public CsvDataset dataset() {
        CsvDataset d = dataset;
        if (d == null) {
            synchronized (this) {
                d = dataset;
                if (d == null) {
                    d = CsvDataset.open(glob, options);
                    opens++;
                    dataset = d;
                }
            }
        }
        return d;
    }

    /** Whether {@link #dataset()} has been opened (nothing has been read otherwise). */
    public boolean isOpened() {
        return dataset != null;
    }

    /**
     * How many times the files were listed and the schema inferred: 0 before first use, 1 after it, and
     * it stays 1 (plan checks, every derived frame and every action share the one dataset).
     */
    public int timesOpened() {
        return opens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanSource s && s.glob.equals(glob) && s.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(glob, options);
    }

    @Override
    public String toString() {
        return "ScanSource[" + glob + "]";
    }
}
