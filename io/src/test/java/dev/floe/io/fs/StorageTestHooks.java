package dev.floe.io.fs;

import java.util.function.UnaryOperator;

/** Reaches Storage's package-private test hooks from tests in other packages. */
public final class StorageTestHooks {
    private StorageTestHooks() {
    }

    /** Builds the Hadoop configuration from {@code env} instead of the process environment; see {@link #reset()}. */
    public static void useEnvironment(UnaryOperator<String> env) {
        Storage.useEnvironment(env);
    }

    /** Back to the process environment. */
    public static void reset() {
        Storage.useEnvironment(System::getenv);
    }
}
