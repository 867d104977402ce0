/**
 * Report rendering shared by evaluation, benchmark, comparison and evidence artefacts: {@link
 * ai.worldforge.report.HtmlDocument} builds self-contained, escaped static HTML pages (inline style,
 * no script, link or anchor tags, no network assets); {@link ai.worldforge.report.SvgCharts} draws
 * inline SVG bar charts for them; {@link ai.worldforge.report.ReportHtml} renders the evaluation and
 * benchmark pages; {@link ai.worldforge.report.ReportRendererRegistry} maps an artifact family and
 * output format to a {@link ai.worldforge.report.ReportRenderer} whose output carries an explicit
 * attachment-safety boundary ({@link ai.worldforge.report.ReportRenderResult}).
 */
@NullMarked
package ai.worldforge.report;

import org.jspecify.annotations.NullMarked;
