package dev.floe.scheduler.internal;

import static java.util.Objects.requireNonNull;

import dev.floe.scheduler.TaskContext;
import dev.floe.scheduler.TaskFunction;
import java.util.Collections;
import java.util.List;

/**
 * The stages of a fused chain, run one after the other in one task. Keeps the scheduler's ownership
 * rule inside the chain: a stage's result is closed (if {@link AutoCloseable}) once the next stage
 * has run, unless the next stage returned that very object. Between stages it checks cancellation.
 */
public record FusedFunction(List<String> keys, List<TaskFunction> functions) implements TaskFunction {

    private static final long serialVersionUID = 1L;

    public FusedFunction {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
        if (keys.size() != functions.size() || keys.isEmpty()) {
            throw new IllegalArgumentException("need one key per function, got keys " + keys
                    + " and " + functions.size() + " functions");
        }
    }

    @Override
    public Object run(TaskContext context, List<Object> inputs) throws Exception {
        Object value = functions.get(0).run(new StageContext(keys.get(0), context), inputs);
        for (int i = 1; i < functions.size(); i++) {
            Object input = value;
            Object output = null;
            try {
                context.checkCancelled();
                output = functions.get(i).run(new StageContext(keys.get(i), context),
                        Collections.singletonList(input));
            } finally {
                if (output != input) {
                    Resources.closeQuietly(input, keys.get(i - 1));
                }
            }
            value = output;
        }
        return value;
    }

    private record StageContext(String key, TaskContext parent) implements TaskContext {
        @Override
        public boolean isCancelled() {
            return parent.isCancelled();
        }

        @Override
        public void checkCancelled() {
            parent.checkCancelled();
        }

        @Override
        public void reportProgress(long rows, long bytes) {
            parent.reportProgress(rows, bytes);
        }
    }
}
