/**
 * Comparison of preserved run reports (the reference's {@code harness/report_compare}, the
 * library behind {@code worldforge runs compare}): {@link
 * ai.worldforge.comparison.PreservedRunReport} loads a run directory, manifest or report JSON, and
 * {@link ai.worldforge.comparison.RunComparison} builds the comparison or regression payload and
 * renders it as JSON, Markdown, CSV or static HTML. Run workspaces are read as plain JSON files.
 */
@NullMarked
package ai.worldforge.comparison;

import org.jspecify.annotations.NullMarked;
