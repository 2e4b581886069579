package dev.floe.dataframe.plan;

import static java.util.Objects.requireNonNull;

import dev.floe.expressions.Schema;
import dev.floe.io.CsvDataset;
import dev.floe.io.CsvOptions;
import java.util.List;

/**
 * Reads every CSV file a glob matches. The files are listed and the schema inferred on first need
 * (see {@link ScanSource}): not when this node is made, but when the first plan on top of it is
 * checked, and then never again for this source.
 */
public record CsvScan(ScanSource source) implements LogicalPlan {
    public CsvScan {
        requireNonNull(source, "source is null");
    }

    public static CsvScan of(String glob, CsvOptions options) {
        return new CsvScan(new ScanSource(glob, options));
    }

    public CsvDataset dataset() {
        return source.dataset();
    }

    @Override
    public Schema deriveSchema() {
        return source.dataset().schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "CsvScan " + source.glob();
    }
}
