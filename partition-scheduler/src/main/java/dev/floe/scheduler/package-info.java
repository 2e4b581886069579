/**
 * Floe's partition scheduler: task graphs and the threads that run them. Generic: it knows nothing
 * of Arrow or dataframes, only of keys, dependencies and functions.
 *
 * <pre>
 *   TaskGraph.builder().add(task)...build()       validated DAG of Tasks (key, dependencies, function, kind, description)
 *        │ cull(outputs) / fuseLinearChains(outputs) / order(outputs)
 *        ▼
 *   Scheduler.shared().submit(graph, outputs, SubmitOptions)  ─►  Computation: get(), cancel(), listeners
 *        │  tasks call TaskContext.reportProgress(rows, bytes)            progress(): ProgressSnapshot
 *        ▼                                                               profile(): ComputationProfile (toTable)
 *   TaskGraph.toDot() / toHtml(profile) / visualize(graph, profile, path): pictures like Dask's
 * </pre>
 *
 * See {@link dev.floe.scheduler.Scheduler} for the scheduling policy and the ownership rule for
 * {@link java.lang.AutoCloseable} results.
 */
package dev.floe.scheduler;
