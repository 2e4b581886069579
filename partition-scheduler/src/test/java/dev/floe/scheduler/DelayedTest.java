package dev.floe.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The delayed API: plain Java work as a task graph, each shared value computed once. */
class DelayedTest {
    @Test
    void sumOfSquaresLikeALoop() {
        AtomicInteger calls = new AtomicInteger();
        List<Delayed<Long>> squares = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            long n = i;
            squares.add(Delayed.of("square", () -> {
                calls.incrementAndGet();
                return n * n;
            }));
        }
        Delayed<Long> total = Delayed.combine("sum", squares, xs -> xs.stream().mapToLong(Long::longValue).sum());
        Delayed<String> text = total.then("format", t -> "total=" + t);
        try (Scheduler pool = Scheduler.create(2)) {
            assertEquals("total=338350", text.compute(pool));
        }
        assertEquals(100, calls.get());
        assertEquals(102, text.graph().size());
        assertEquals("total=338350", text.compute(Scheduler.synchronous()));
    }

    @Test
    void aValueUsedTwiceIsComputedOnce() {
        AtomicInteger calls = new AtomicInteger();
        Delayed<Integer> shared = Delayed.of("shared", () -> calls.incrementAndGet() * 10);
        Delayed<Integer> a = shared.then("a", x -> x + 1);
        Delayed<Integer> b = shared.then("b", x -> x + 2);
        Delayed<Integer> both = Delayed.combine("both", List.of(a, b), xs -> xs.get(0) + xs.get(1));
        assertEquals(23, both.compute(Scheduler.synchronous()));
        assertEquals(1, calls.get());
    }

    @Test
    void failuresAreWrappedOnceWithTheTaskKey() {
        Delayed<Integer> bad = Delayed.of("parse", () -> Integer.parseInt("x1"));
        Delayed<Integer> plus = bad.then("plus", x -> x + 1);
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> plus.compute(Scheduler.synchronous()));
        assertTrue(e.key().startsWith("parse-"), e.key());
        assertTrue(e.getCause() instanceof NumberFormatException, String.valueOf(e.getCause()));
    }
}
