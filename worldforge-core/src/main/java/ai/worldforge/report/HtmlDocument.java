package ai.worldforge.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Building blocks of the reference's static HTML reports ({@code html_report.py}, schema 1): a
 * document with the shared inline stylesheet, tables with a {@code thead}, labelled summary lists
 * and the claim-boundary warning block. Every text passes through {@link #escape}; URLs and paths
 * are rendered as text, never as anchors, so a hostile manifest cannot inject markup or links.
 * Stateless.
 */
public final class HtmlDocument {
    /** Schema version of the HTML export, as in the reference. */
    public static final int SCHEMA_VERSION = 1;

    /** The reference's shared stylesheet, plus the chart classes our SVG charts use. */
    static final String STYLE = "body { font-family: -apple-system, BlinkMacSystemFont, "
            + "\"Segoe UI\", Roboto, sans-serif; margin: 0; padding: 1.5rem; "
            + "color: #1f2328; background: #ffffff; max-width: 64rem; } "
            + "h1 { font-size: 1.5rem; margin-top: 0; "
            + "border-bottom: 1px solid #d0d7de; padding-bottom: 0.4rem; } "
            + "h2 { font-size: 1.15rem; margin-top: 1.5rem; "
            + "border-bottom: 1px solid #eaeef2; padding-bottom: 0.2rem; } "
            + "h3 { font-size: 1rem; margin-top: 1rem; } "
            + "p, li { line-height: 1.5; } "
            + "code, pre { font-family: ui-monospace, SFMono-Regular, "
            + "\"SF Mono\", Menlo, monospace; "
            + "background: #f6f8fa; padding: 0.1rem 0.3rem; border-radius: 0.2rem; } "
            + "pre { padding: 0.6rem; overflow-x: auto; } "
            + "table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; "
            + "width: 100%; font-size: 0.92rem; } "
            + "th, td { border: 1px solid #d0d7de; padding: 0.35rem 0.55rem; "
            + "text-align: left; vertical-align: top; } "
            + "th { background: #f6f8fa; font-weight: 600; } "
            + "tr:nth-child(even) td { background: #fbfcfd; } "
            + ".numeric { text-align: right; font-variant-numeric: tabular-nums; } "
            + ".muted { color: #57606a; } "
            + "footer { margin-top: 2rem; font-size: 0.85rem; color: #57606a; "
            + "border-top: 1px solid #eaeef2; padding-top: 0.6rem; } "
            + ".warning { background: #fff8c5; border: 1px solid #d4a72c; "
            + "padding: 0.6rem 0.8rem; border-radius: 0.3rem; margin: 0.8rem 0; } "
            + "figure.chart { margin: 0.6rem 0 1.2rem; } "
            + "figure.chart svg { max-width: 100%; height: auto; font-size: 12px; } "
            + "figure.chart figcaption { font-size: 0.85rem; color: #57606a; }";

    private HtmlDocument() {}

    /**
     * Python's {@code html.escape(value, quote=True)}: {@code & < > " '} become entities
     * ({@code '} as {@code &#x27;}).
     */
    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#x27;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * A complete document: doctype, {@code <html lang="en">}, charset and viewport metas, the
     * escaped title, the inline stylesheet, the body fragment (already escaped by its builder) and
     * an optional escaped footer; lines joined with {@code \n}, ending with a newline.
     */
    public static String document(String title, String body, @Nullable String footer) {
        List<String> parts = new ArrayList<>(List.of(
                "<!DOCTYPE html>",
                "<html lang=\"en\">",
                "<head>",
                "<meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<title>" + escape(title) + "</title>",
                "<style>" + STYLE + "</style>",
                "</head>",
                "<body>",
                body));
        if (footer != null && !footer.isEmpty()) {
            parts.add("<footer>" + escape(footer) + "</footer>");
        }
        parts.add("</body>");
        parts.add("</html>");
        parts.add("");
        return String.join("\n", parts);
    }

    /** An escaped {@code <h1>}..{@code <h3>} heading. */
    public static String heading(int level, String text) {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("heading level must be 1..3");
        }
        return "<h" + level + ">" + escape(text) + "</h" + level + ">";
    }

    /**
     * A table with a {@code thead}; cells are escaped; the cells of {@code numericColumns} get
     * {@code class="numeric"}; no rows renders one row of {@code -} cells.
     */
    public static String table(List<String> headers, List<List<String>> rows, Set<Integer> numericColumns) {
        StringBuilder head = new StringBuilder();
        for (String header : headers) {
            head.append("<th>").append(escape(header)).append("</th>");
        }
        List<String> bodyRows = new ArrayList<>(Math.max(1, rows.size()));
        for (List<String> row : rows) {
            StringBuilder cells = new StringBuilder("<tr>");
            for (int i = 0; i < row.size(); i++) {
                cells.append(numericColumns.contains(i) ? "<td class=\"numeric\">" : "<td>")
                        .append(escape(row.get(i)))
                        .append("</td>");
            }
            bodyRows.add(cells.append("</tr>").toString());
        }
        if (rows.isEmpty()) {
            bodyRows.add("<tr>" + "<td>-</td>".repeat(headers.size()) + "</tr>");
        }
        return "<table>\n  <thead><tr>" + head + "</tr></thead>\n  <tbody>\n    " + String.join("\n    ", bodyRows)
                + "\n  </tbody>\n</table>";
    }

    /** {@link #table(List, List, Set)} without numeric columns. */
    public static String table(List<String> headers, List<List<String>> rows) {
        return table(headers, rows, Set.of());
    }

    /**
     * A labelled list ({@code <li><strong>label:</strong> <code>value</code></li>}); entries whose
     * value is null or empty are skipped, as in the reference.
     */
    public static String summaryList(List<Map.Entry<String, @Nullable String>> items) {
        List<String> parts = new ArrayList<>();
        parts.add("<ul>");
        for (Map.Entry<String, @Nullable String> item : items) {
            String value = item.getValue();
            if (value == null || value.isEmpty()) {
                continue;
            }
            parts.add("  <li><strong>" + escape(item.getKey()) + ":</strong> <code>" + escape(value) + "</code></li>");
        }
        parts.add("</ul>");
        return String.join("\n", parts);
    }

    /**
     * The {@code <section class="warning">} block with the claim boundary and metric semantics;
     * empty when both are absent.
     */
    public static String claimBoundaryBlock(@Nullable String claimBoundary, @Nullable String metricSemantics) {
        boolean hasClaim = claimBoundary != null && !claimBoundary.isEmpty();
        boolean hasSemantics = metricSemantics != null && !metricSemantics.isEmpty();
        if (!hasClaim && !hasSemantics) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("<section class=\"warning\">");
        if (hasClaim) {
            parts.add("<p><strong>Claim boundary:</strong> " + escape(claimBoundary) + "</p>");
        }
        if (hasSemantics) {
            parts.add("<p><strong>Metric semantics:</strong> " + escape(metricSemantics) + "</p>");
        }
        parts.add("</section>");
        return String.join("\n", parts);
    }
}
