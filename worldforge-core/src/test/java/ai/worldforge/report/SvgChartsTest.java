package ai.worldforge.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SvgChartsTest {
    @Test
    void niceBoundsAndTicks() {
        assertThat(SvgCharts.axisMax(List.of(OptionalDouble.of(7.3)), OptionalDouble.empty()))
                .isEqualTo(8.0);
        assertThat(SvgCharts.axisMax(List.of(OptionalDouble.of(1200.5)), OptionalDouble.empty()))
                .isEqualTo(1250.0);
        assertThat(SvgCharts.axisMax(List.of(OptionalDouble.empty()), OptionalDouble.empty()))
                .isEqualTo(1.0);
        assertThat(SvgCharts.axisMax(List.of(OptionalDouble.of(0.9)), OptionalDouble.of(1.0)))
                .isEqualTo(1.0);
        assertThat(SvgCharts.ticks(1.0, true)).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(SvgCharts.ticks(8.0, false)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
        double huge = SvgCharts.axisMax(List.of(OptionalDouble.of(3.2e12)), OptionalDouble.empty());
        assertThat(huge).isEqualTo(4e12);
        assertThat(SvgCharts.tickLabel(2e12, 1e12)).isEqualTo("2.00e+12");
        double tiny = SvgCharts.axisMax(List.of(OptionalDouble.of(0.00034)), OptionalDouble.empty());
        assertThat(tiny).isCloseTo(0.0004, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SvgCharts.tickLabel(0.0002, 0.0001)).isEqualTo("0.0002");
        assertThat(SvgCharts.number(0.5)).isEqualTo("0.50");
        assertThat(SvgCharts.number(1.5e7)).isEqualTo("1.50e+07");
        assertThat(SvgCharts.number(0.0)).isEqualTo("0.00");
    }

    @Test
    void outputIsLocaleIndependent() {
        List<SvgCharts.Bar> bars =
                List.of(new SvgCharts.Bar("a", OptionalDouble.of(1234.5678), SvgCharts.Tone.NEUTRAL));
        Locale previous = Locale.getDefault();
        String root;
        String german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = SvgCharts.barChart("c", " ms", bars, OptionalDouble.empty(), OptionalDouble.empty());
            Locale.setDefault(Locale.GERMANY);
            german = SvgCharts.barChart("c", " ms", bars, OptionalDouble.empty(), OptionalDouble.empty());
        } finally {
            Locale.setDefault(previous);
        }
        assertThat(german).isEqualTo(root).contains(">1234.57 ms</text>").doesNotContain("1234,57");
    }

    @Test
    void chartIsAFigureWithEscapedText() {
        String chart = SvgCharts.barChart(
                "Scores <b>",
                "",
                List.of(new SvgCharts.Bar("<script>x</script>", OptionalDouble.of(0.5), SvgCharts.Tone.PASS)),
                OptionalDouble.of(1.0),
                OptionalDouble.of(0.7));
        assertThat(chart)
                .startsWith("<figure class=\"chart\">\n<svg role=\"img\" aria-label=\"Scores &lt;b&gt;\"")
                .endsWith("</svg>\n<figcaption>Scores &lt;b&gt;</figcaption>\n</figure>")
                .contains("&lt;script&gt;x&lt;/script&gt;")
                .contains("class=\"reference\"")
                .doesNotContain("<script", "<b>", "<a ", "href");
    }

    @Test
    void longLabelsAreTruncatedAndGroupsMustMatchSeries() {
        String label = "x".repeat(60);
        String chart = SvgCharts.barChart(
                "c",
                "",
                List.of(new SvgCharts.Bar(label, OptionalDouble.of(1.0), SvgCharts.Tone.NEUTRAL)),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        assertThat(chart).contains(">" + "x".repeat(33) + "\u2026</text>").doesNotContain("end\">" + "x".repeat(34));
        assertThatThrownBy(() -> SvgCharts.groupedBarChart(
                        "c", "", List.of("a", "b"), List.of(new SvgCharts.Group("g", List.of(OptionalDouble.of(1))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SvgCharts.groupedBarChart("c", "", List.of("a"), List.of())).contains("No data to chart.");
    }
}
