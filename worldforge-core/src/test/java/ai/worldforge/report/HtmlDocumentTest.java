package ai.worldforge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlDocumentTest {
    @Test
    void escapesLikePythonHtmlEscapeWithQuotes() {
        assertThat(HtmlDocument.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#x27;x&#x27;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(HtmlDocument.escape("plain")).isEqualTo("plain");
    }

    @Test
    void documentHasTheReferenceSkeletonAndNoActiveTags() {
        String html = HtmlDocument.document("T <1>", "<p>body</p>", "WorldForge 0.5.0");
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .contains("<title>T &lt;1&gt;</title>")
                .contains("<footer>WorldForge 0.5.0</footer>")
                .endsWith("</body>\n</html>\n")
                .doesNotContain("<script", "<link", "<a ");
        assertThat(HtmlDocument.document("T", "", null)).doesNotContain("<footer>");
    }

    @Test
    void emptyTableRendersOneRowOfDashes() {
        assertThat(HtmlDocument.table(List.of("a", "b"), List.of()))
                .isEqualTo("<table>\n  <thead><tr><th>a</th><th>b</th></tr></thead>\n  <tbody>\n"
                        + "    <tr><td>-</td><td>-</td></tr>\n  </tbody>\n</table>");
    }

    @Test
    void numericColumnsGetTheNumericClass() {
        String table = HtmlDocument.table(List.of("p", "n"), List.of(List.of("mock", "1.00")), Set.of(1));
        assertThat(table).contains("<tr><td>mock</td><td class=\"numeric\">1.00</td></tr>");
    }

    @Test
    void summaryListSkipsEmptyValuesAndClaimBlockIsAWarningSection() {
        List<Map.Entry<String, String>> items =
                List.of(new SimpleEntry<>("Suite", "physics"), new SimpleEntry<>("Empty", ""));
        assertThat(HtmlDocument.summaryList(List.copyOf(items)))
                .isEqualTo("<ul>\n  <li><strong>Suite:</strong> <code>physics</code></li>\n</ul>");
        assertThat(HtmlDocument.claimBoundaryBlock("c", null))
                .isEqualTo("<section class=\"warning\">\n<p><strong>Claim boundary:</strong> c</p>\n</section>");
        assertThat(HtmlDocument.claimBoundaryBlock(null, "")).isEmpty();
    }
}
