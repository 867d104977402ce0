/**
 * The batch-eval reference host ({@code bin/worldforge-batch-eval}): runs a built-in evaluation
 * suite or a provider benchmark as a job, preserves the reports in a run workspace and prints a
 * JSON summary whose exit code follows the benchmark budget gate. See {@link
 * ai.worldforge.server.batch.BatchEvalHost} and {@code docs/batch-eval-host.md}.
 */
@NullMarked
package ai.worldforge.server.batch;

import org.jspecify.annotations.NullMarked;
