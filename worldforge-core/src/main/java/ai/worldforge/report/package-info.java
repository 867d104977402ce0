/**
 * Report rendering shared by evaluation, benchmark, comparison and evidence artefacts: {@link
 * ai.worldforge.report.HtmlDocument} builds self-contained, escaped static HTML pages (inline style,
 * no script, link or anchor tags, no network assets).
 */
@NullMarked
package ai.worldforge.report;

import org.jspecify.annotations.NullMarked;
