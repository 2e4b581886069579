package dev.floe.dataframe.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition that has not run yet: its source, the row steps to apply to each batch, and how many
 * rows at most anyone needs from it (a pushed-down limit). A consumer runs it inside its own task, so
 * the whole chain streams batch by batch.
 */
record PartitionPlan(Source source, List<RowStep> steps, long limit) implements Serializable {
    PartitionPlan {
        steps = List.copyOf(steps);
    }

    static PartitionPlan of(Source source) {
        return new PartitionPlan(source, List.of(), Long.MAX_VALUE);
    }

    PartitionPlan then(RowStep step) {
        List<RowStep> s = new ArrayList<>(steps);
        s.add(step);
        return new PartitionPlan(source, s, limit);
    }

    PartitionPlan limitTo(long n) {
        return new PartitionPlan(source, steps, Math.min(limit, n));
    }

    /** The tasks whose outputs this partition reads. */
    List<String> dependencies() {
        List<String> deps = new ArrayList<>();
        if (source.dependency() != null) {
            deps.add(source.dependency());
        }
        for (RowStep s : steps) {
            if (s.dependency() != null && !deps.contains(s.dependency())) {
                deps.add(s.dependency());
            }
        }
        return deps;
    }

    /** The chain this partition runs in one task: {@code CsvScan -> Filter -> Project}. */
    String pipeline() {
        StringBuilder sb = new StringBuilder();
        if (source instanceof Source.Csv csv) {
            sb.append("CsvScan").append(csv.columns() == null ? "[all columns]"
                    : java.util.Arrays.stream(csv.columns()).mapToObj(c -> csv.dataset().schema().field(c).name()).toList());
        } else if (source instanceof Source.TaskOutput t) {
            sb.append("read ").append(t.key()).append(t.bucket() >= 0 ? "[bucket]" : "");
        } else if (source instanceof Source.Sorted sorted) {
            sb.append("merge runs of ").append(sorted.key());
        } else {
            sb.append("InMemoryScan");
        }
        for (RowStep step : steps) {
            sb.append(" -> ");
            if (step instanceof RowStep.Filter f) {
                sb.append("Filter ").append(f.predicate().toSql());
            } else if (step instanceof RowStep.Project p) {
                sb.append("Project ").append(p.output().names());
            } else if (step instanceof RowStep.Map m) {
                sb.append("MapBatches ").append(m.output().names());
            } else {
                sb.append("Probe ").append(((RowStep.Probe) step).buildKey());
            }
        }
        if (limit != Long.MAX_VALUE) {
            sb.append(" -> first ").append(limit).append(" rows");
        }
        return sb.toString();
    }

    /** Whether this partition is exactly a task's whole output, with nothing to do on top. */
    boolean isPlainTaskOutput() {
        return source instanceof Source.TaskOutput t && t.bucket() < 0 && steps.isEmpty() && limit == Long.MAX_VALUE;
    }
}
