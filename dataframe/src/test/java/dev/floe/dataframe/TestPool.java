package dev.floe.dataframe;

import dev.floe.scheduler.Scheduler;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up most dataframe test classes share: one two-thread scheduler for all of a class's tests, closed
 * after the last of them, and after each test the check that no Arrow memory or allocator is left open
 * ({@link FloeAssertions#assertNoArrowMemory()}). A class registers it with
 * {@code @RegisterExtension static final TestPool pool = new TestPool();} and runs its frames on
 * {@code pool.scheduler()}.
 */
final class TestPool implements AfterEachCallback, AfterAllCallback {
    private final Scheduler scheduler = Scheduler.create(2);

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FloeAssertions.assertNoArrowMemory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        scheduler.close();
    }
}
