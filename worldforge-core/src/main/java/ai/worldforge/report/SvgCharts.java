package ai.worldforge.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Inline SVG bar charts for the static HTML reports. The output is plain markup inside a {@code
 * <figure class="chart">} with a {@code <figcaption>}: no script, no external assets, no links,
 * every text escaped with {@link HtmlDocument#escape}. Numbers are formatted with {@link
 * Locale#ROOT} and fixed precision so the same data always renders the same bytes. Stateless.
 *
 * <p>Scales are linear from 0: a fixed maximum (for example 1 for scores) or the smallest "nice"
 * bound ({@code 1, 2, 2.5, 5 x 10^n}) above the largest value. Absent values (for example the
 * latency of a benchmark case whose samples all failed) draw no bar and are labelled {@code n/a};
 * an empty chart renders a short "No data to chart." placeholder.
 */
public final class SvgCharts {
    /** Bar colour by meaning. */
    public enum Tone {
        /** A passing score. */
        PASS("#1a7f37"),
        /** A failing score. */
        FAIL("#cf222e"),
        /** A value with no pass/fail meaning. */
        NEUTRAL("#0969da");

        private final String colour;

        Tone(String colour) {
            this.colour = colour;
        }

        /** The fill colour, a hex RGB string. */
        public String colour() {
            return colour;
        }
    }

    /**
     * One bar of a single-series chart.
     *
     * @param label category label (escaped on output)
     * @param value the value, empty when unknown
     * @param tone the bar colour
     */
    public record Bar(String label, OptionalDouble value, Tone tone) {
        /** Validates. */
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(tone, "tone");
        }
    }

    /**
     * One category of a grouped chart: one value per series, in series order.
     *
     * @param label category label (escaped on output)
     * @param values one value per series; empty when unknown
     */
    public record Group(String label, List<OptionalDouble> values) {
        /** Validates and copies. */
        public Group {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
        }
    }

    /** Series colours of grouped charts, in series order (cycled). */
    static final List<String> SERIES_COLOURS = List.of("#0969da", "#8250df", "#bf3989", "#1a7f37", "#9a6700");

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 220;
    private static final int VALUE_LABEL_WIDTH = 90;
    private static final int PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_LABEL_WIDTH;
    private static final int TOP = 10;
    private static final int BAR_HEIGHT = 14;
    private static final int BAR_GAP = 4;
    private static final int GROUP_GAP = 10;
    private static final int AXIS_HEIGHT = 30;
    private static final int LEGEND_HEIGHT = 22;
    private static final int MAX_LABEL_CHARS = 34;
    private static final int TICK_TARGET = 5;

    private SvgCharts() {}

    /**
     * A horizontal bar chart, one bar per entry, in the given order.
     *
     * @param caption figure caption and accessible name
     * @param unit appended to value labels (for example {@code " ms"}); may be empty
     * @param bars the bars
     * @param fixedMax the axis maximum, or empty to pick a nice bound above the largest value
     * @param referenceLine a dashed vertical marker (for example a pass threshold), if any
     */
    public static String barChart(
            String caption, String unit, List<Bar> bars, OptionalDouble fixedMax, OptionalDouble referenceLine) {
        if (bars.isEmpty()) {
            return emptyFigure(caption);
        }
        double max = axisMax(bars.stream().map(Bar::value).toList(), fixedMax);
        List<Double> ticks = ticks(max, fixedMax.isPresent());
        int rowHeight = BAR_HEIGHT + BAR_GAP;
        int plotHeight = bars.size() * rowHeight + BAR_GAP;
        int height = TOP + plotHeight + AXIS_HEIGHT;
        StringBuilder svg = open(caption, height);
        grid(svg, ticks, max, plotHeight);
        int y = TOP + BAR_GAP;
        for (Bar bar : bars) {
            categoryLabel(svg, bar.label(), y + BAR_HEIGHT / 2.0);
            bar(svg, bar.label(), bar.value(), max, y, bar.tone().colour(), unit);
            y += rowHeight;
        }
        referenceLine.ifPresent(value -> {
            if (value >= 0 && value <= max) {
                double x = LABEL_WIDTH + scale(value, max);
                svg.append("<line class=\"reference\" x1=\"")
                        .append(coord(x))
                        .append("\" y1=\"")
                        .append(TOP)
                        .append("\" x2=\"")
                        .append(coord(x))
                        .append("\" y2=\"")
                        .append(TOP + plotHeight)
                        .append("\" stroke=\"#57606a\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"><title>")
                        .append(HtmlDocument.escape("threshold " + number(value)))
                        .append("</title></line>\n");
            }
        });
        axis(svg, ticks, max, TOP + plotHeight);
        return close(svg, caption);
    }

    /**
     * A horizontal grouped bar chart: for each group one bar per series, with a legend.
     *
     * @param caption figure caption and accessible name
     * @param unit appended to value labels; may be empty
     * @param seriesNames series names, in the order of each group's values
     * @param groups the categories
     */
    public static String groupedBarChart(String caption, String unit, List<String> seriesNames, List<Group> groups) {
        if (groups.isEmpty() || seriesNames.isEmpty()) {
            return emptyFigure(caption);
        }
        for (Group group : groups) {
            if (group.values().size() != seriesNames.size()) {
                throw new IllegalArgumentException("every group needs one value per series");
            }
        }
        List<OptionalDouble> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.values()));
        double max = axisMax(all, OptionalDouble.empty());
        List<Double> ticks = ticks(max, false);
        int groupHeight = seriesNames.size() * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
        int plotHeight = groups.size() * groupHeight;
        int height = TOP + LEGEND_HEIGHT + plotHeight + AXIS_HEIGHT;
        StringBuilder svg = open(caption, height);
        legend(svg, seriesNames);
        int plotTop = TOP + LEGEND_HEIGHT;
        grid(svg, ticks, max, plotHeight, plotTop);
        int y = plotTop + GROUP_GAP / 2;
        for (Group group : groups) {
            int seriesHeight = seriesNames.size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
            categoryLabel(svg, group.label(), y + seriesHeight / 2.0);
            for (int i = 0; i < seriesNames.size(); i++) {
                bar(
                        svg,
                        group.label() + " " + seriesNames.get(i),
                        group.values().get(i),
                        max,
                        y,
                        SERIES_COLOURS.get(i % SERIES_COLOURS.size()),
                        unit);
                y += BAR_HEIGHT + BAR_GAP;
            }
            y += GROUP_GAP;
        }
        axis(svg, ticks, max, plotTop + plotHeight);
        return close(svg, caption);
    }

    // ------------------------------------------------------------------------------------------
    // Scale

    /** The axis maximum: the fixed one, else a nice bound at or above the largest finite value (1 if none). */
    static double axisMax(List<OptionalDouble> values, OptionalDouble fixedMax) {
        if (fixedMax.isPresent() && fixedMax.getAsDouble() > 0 && Double.isFinite(fixedMax.getAsDouble())) {
            return fixedMax.getAsDouble();
        }
        double largest = 0.0;
        for (OptionalDouble value : values) {
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                largest = Math.max(largest, value.getAsDouble());
            }
        }
        if (largest <= 0.0) {
            return 1.0;
        }
        double step = niceStep(largest / TICK_TARGET);
        double bound = Math.ceil(largest / step - 1e-9) * step;
        return bound <= 0 ? step : bound;
    }

    /** The smallest of {@code 1, 2, 2.5, 5 x 10^n} at or above {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice;
        if (fraction <= 1.0) {
            nice = 1.0;
        } else if (fraction <= 2.0) {
            nice = 2.0;
        } else if (fraction <= 2.5) {
            nice = 2.5;
        } else if (fraction <= 5.0) {
            nice = 5.0;
        } else {
            nice = 10.0;
        }
        return nice * magnitude;
    }

    /** Tick values from 0 to {@code max}: quarters of a fixed axis, nice steps otherwise. */
    static List<Double> ticks(double max, boolean fixed) {
        double step = fixed ? max / 4 : niceStep(max / TICK_TARGET);
        List<Double> out = new ArrayList<>();
        int count = (int) Math.round(max / step);
        for (int i = 0; i <= count; i++) {
            out.add(i * step);
        }
        return out;
    }

    private static double scale(double value, double max) {
        double clamped = Math.max(0.0, Math.min(value, max));
        return clamped / max * PLOT_WIDTH;
    }

    // ------------------------------------------------------------------------------------------
    // Markup

    private static StringBuilder open(String caption, int height) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<figure class=\"chart\">\n")
                .append("<svg role=\"img\" aria-label=\"")
                .append(HtmlDocument.escape(caption))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\">\n");
        return svg;
    }

    private static String close(StringBuilder svg, String caption) {
        return svg.append("</svg>\n<figcaption>")
                .append(HtmlDocument.escape(caption))
                .append("</figcaption>\n</figure>")
                .toString();
    }

    private static String emptyFigure(String caption) {
        StringBuilder svg = open(caption, 40);
        svg.append("<text x=\"")
                .append(WIDTH / 2)
                .append("\" y=\"24\" text-anchor=\"middle\" fill=\"#57606a\">No data to chart.</text>\n");
        return close(svg, caption);
    }

    private static void grid(StringBuilder svg, List<Double> ticks, double max, int plotHeight) {
        grid(svg, ticks, max, plotHeight, TOP);
    }

    private static void grid(StringBuilder svg, List<Double> ticks, double max, int plotHeight, int plotTop) {
        for (double tick : ticks) {
            double x = LABEL_WIDTH + scale(tick, max);
            svg.append("<line x1=\"")
                    .append(coord(x))
                    .append("\" y1=\"")
                    .append(plotTop)
                    .append("\" x2=\"")
                    .append(coord(x))
                    .append("\" y2=\"")
                    .append(plotTop + plotHeight)
                    .append("\" stroke=\"#eaeef2\" stroke-width=\"1\"/>\n");
        }
    }

    private static void axis(StringBuilder svg, List<Double> ticks, double max, int axisY) {
        svg.append("<line x1=\"")
                .append(LABEL_WIDTH)
                .append("\" y1=\"")
                .append(axisY)
                .append("\" x2=\"")
                .append(LABEL_WIDTH + PLOT_WIDTH)
                .append("\" y2=\"")
                .append(axisY)
                .append("\" stroke=\"#57606a\" stroke-width=\"1\"/>\n");
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : max;
        for (double tick : ticks) {
            double x = LABEL_WIDTH + scale(tick, max);
            svg.append("<text x=\"")
                    .append(coord(x))
                    .append("\" y=\"")
                    .append(axisY + 16)
                    .append("\" text-anchor=\"middle\" fill=\"#57606a\">")
                    .append(HtmlDocument.escape(tickLabel(tick, step)))
                    .append("</text>\n");
        }
    }

    private static void legend(StringBuilder svg, List<String> seriesNames) {
        int x = LABEL_WIDTH;
        for (int i = 0; i < seriesNames.size(); i++) {
            String name = truncate(seriesNames.get(i));
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(TOP)
                    .append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(SERIES_COLOURS.get(i % SERIES_COLOURS.size()))
                    .append("\"/>\n<text x=\"")
                    .append(x + 16)
                    .append("\" y=\"")
                    .append(TOP + 10)
                    .append("\">")
                    .append(HtmlDocument.escape(name))
                    .append("</text>\n");
            x += 24 + 8 * name.length();
        }
    }

    private static void categoryLabel(StringBuilder svg, String label, double centreY) {
        svg.append("<text x=\"")
                .append(LABEL_WIDTH - 6)
                .append("\" y=\"")
                .append(coord(centreY + 4))
                .append("\" text-anchor=\"end\">")
                .append(HtmlDocument.escape(truncate(label)))
                .append("</text>\n");
    }

    private static void bar(
            StringBuilder svg, String title, OptionalDouble value, double max, int y, String colour, String unit) {
        boolean known = value.isPresent() && Double.isFinite(value.getAsDouble());
        double width = known ? scale(value.getAsDouble(), max) : 0.0;
        if (known) {
            svg.append("<rect x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(coord(width))
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\"><title>")
                    .append(HtmlDocument.escape(title + ": " + number(value.getAsDouble()) + unit))
                    .append("</title></rect>\n");
        }
        svg.append("<text x=\"")
                .append(coord(LABEL_WIDTH + width + 4))
                .append("\" y=\"")
                .append(coord(y + BAR_HEIGHT / 2.0 + 4))
                .append("\" fill=\"#1f2328\">")
                .append(HtmlDocument.escape(known ? number(value.getAsDouble()) + unit : "n/a"))
                .append("</text>\n");
    }

    // ------------------------------------------------------------------------------------------
    // Number formatting (locale-independent, fixed precision)

    /** An SVG coordinate with one decimal. */
    static String coord(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A value label: two decimals, or three significant digits in exponent form outside {@code [0.01, 1e6)}. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value != 0.0 && (magnitude >= 1e6 || magnitude < 0.01)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A tick label with just enough decimals for the step. */
    static String tickLabel(double value, double step) {
        if (value == 0.0) {
            return "0";
        }
        if (step >= 1e6 || step < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        String text = BigDecimal.valueOf(value)
                .setScale(Math.max(0, (int) Math.ceil(-Math.log10(step)) + 1), java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
        return text;
    }

    private static String truncate(String label) {
        if (label.codePointCount(0, label.length()) <= MAX_LABEL_CHARS) {
            return label;
        }
        // Cut on a code point boundary so a surrogate pair is never split.
        return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "\u2026";
    }
}
