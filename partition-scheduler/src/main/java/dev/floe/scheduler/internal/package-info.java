/**
 * Internals of the scheduler: graph algorithms ({@link dev.floe.scheduler.internal.GraphOrder},
 * {@link dev.floe.scheduler.internal.ChainFuser}, {@link dev.floe.scheduler.internal.Topology}) and
 * the runtime ({@link dev.floe.scheduler.internal.SchedulerCore} — threads, lock, round-robin ring;
 * {@link dev.floe.scheduler.internal.GraphRun} — the state of one computation). Not an API: other
 * modules use only {@code dev.floe.scheduler}.
 */
package dev.floe.scheduler.internal;
