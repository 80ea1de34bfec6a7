package org.crmkit.examples.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.CustomerBaseAnalysis.CustomerRow;
import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.abc.LorenzPoint;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.customer.LifecycleStage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link CustomerBaseAnalysis} as one self-contained HTML page: summary figures, the fitted
 * models, and five charts drawn with XChart and embedded as PNG data (the RFM grid, the lifecycle
 * distribution, the Lorenz curve, the CLV distribution, and P(alive) against the time since the last
 * purchase), then the RFM segments and ABC classes as tables. The page loads nothing from elsewhere,
 * so it can be mailed or opened offline.
 */
final class HtmlReport {

    /** Width of every chart, in pixels. */
    static final int WIDTH = 760;
    /** Height of every chart, in pixels. */
    static final int HEIGHT = 420;
    /** At most this many customers are drawn in the scatter plot; beyond it, every k-th one. */
    static final int SCATTER_LIMIT = 5_000;
    /** Bins of the CLV histogram. */
    static final int CLV_BINS = 30;
    /** At most this many points of the Lorenz curve are drawn. */
    static final int LORENZ_POINTS = 1_001;

    private static final Color INK = new Color(0x1f, 0x3b, 0x57);
    private static final Color[] SERIES = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd)};

    private HtmlReport() {
    }

    static String html(CustomerBaseAnalysis a, AnalysisReport.Source source, boolean perCustomer) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        String unit = a.options().unit().name().toLowerCase(Locale.ROOT);
        String cur = a.currency();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Customer base analysis of ").append(esc(source.file())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Customer base analysis</h1>\n<p class=\"source\">").append(esc(source.file()))
                .append(" &middot; calibration end ").append(a.options().calibrationEnd())
                .append(" &middot; time in ").append(unit).append("s &middot; amounts in ").append(esc(cur))
                .append("</p>\n");

        h.append("<section class=\"cards\">\n");
        card(h, "customers", AnalysisReport.count(a.customerCount()));
        card(h, "transactions", AnalysisReport.count(a.transactionCount()));
        card(h, "rows skipped", AnalysisReport.count(source.skippedRows()));
        card(h, "came back", AnalysisReport.percent(a.repeatCustomerCount() / (double) a.customerCount()));
        card(h, "mean P(alive)", String.format(Locale.ROOT, "%.2f", a.meanProbabilityAlive()));
        card(h, "lifetime value, " + a.options().clvPeriods() + " months",
                AnalysisReport.money(a.totalLifetimeValue(), cur));
        h.append("</section>\n");

        models(h, a);

        h.append("<section class=\"charts\">\n");
        figure(h, rfmChart(rfmGrid(a)), "RFM grid",
                "Customers by recency score (rows, 5 = bought most recently) and frequency score (columns, "
                        + "5 = buys most often). The top-right corner holds the champions.");
        figure(h, lifecycleChart(a.lifecycleCounts()), "Lifecycle stages",
                "Customers per lifecycle stage as of " + a.options().calibrationEnd()
                        + " (default policy, P(alive) from BG/NBD).");
        if (a.abc().isPresent()) {
            AbcAnalysis abc = a.abc().get();
            figure(h, lorenzChart(abc, AnalysisReport.valueName(a)), "Lorenz curve",
                    "Share of " + AnalysisReport.valueName(a) + " held by the poorest share of customers. The further the curve sags "
                            + "below the diagonal, the more the value is concentrated: Gini "
                            + String.format(Locale.ROOT, "%.3f", abc.gini()) + "; "
                            + AnalysisReport.percent(abc.paretoShare()) + " of the customers bring 80 % of the value.");
        } else {
            h.append("<p>Every customer's ").append(AnalysisReport.valueName(a))
                    .append(" is 0 or less, so there is no Lorenz curve.</p>\n");
        }
        ClvHistogram clv = clvHistogram(a.customers());
        figure(h, clvChart(clv, cur), "Customer lifetime value",
                "Customers by their expected value over the next " + a.options().clvPeriods()
                        + " months (BG/NBD with Gamma-Gamma, discounted). "
                        + (clv.clipped() > 0 ? AnalysisReport.count(clv.clipped()) + " customers above the 99th "
                        + "percentile (" + AnalysisReport.money(clv.max(), cur) + ") are counted in the last bar." : ""));
        Scatter scatter = aliveScatter(a.customers());
        figure(h, aliveChart(scatter, unit), "P(alive) against recency",
                "Probability that a customer is still active against the time since the last purchase, "
                        + "by number of repeat purchases. Customers without a repeat purchase sit at 1: BG/NBD "
                        + "lets a customer drop out only right after a purchase. "
                        + (scatter.stride() > 1 ? "Every " + scatter.stride() + "th customer is drawn ("
                        + AnalysisReport.count(scatter.drawn()) + " of " + AnalysisReport.count(a.customerCount()) + ")."
                        : "Every customer is drawn."));
        h.append("</section>\n");

        tables(h, a, cur);
        if (perCustomer) {
            customers(h, a, unit, cur);
        }
        h.append("<footer>Made by the crm tool of crmkit; charts drawn with XChart.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ the data behind the charts

    /**
     * @return customers by recency score (first index, score − 1) and frequency score (second index)
     */
    static int[][] rfmGrid(CustomerBaseAnalysis a) {
        int[][] grid = new int[5][5];
        for (CustomerRow row : a.customers()) {
            String code = row.rfmCode();
            grid[code.charAt(0) - '1'][code.charAt(1) - '1']++;
        }
        return grid;
    }

    /** The CLV histogram: counts per bin over [0, max], values above max counted in the last bin. */
    record ClvHistogram(double max, int[] counts, int clipped) {
    }

    static ClvHistogram clvHistogram(List<CustomerRow> rows) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, rows.get(i).lifetimeValue());
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double max = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1L, (long) Math.ceil(0.99 * sorted.length) - 1)];
        if (max <= 0) {
            max = sorted.length == 0 ? 1 : Math.max(1e-9, sorted[sorted.length - 1]);
        }
        int[] counts = new int[CLV_BINS];
        int clipped = 0;
        for (double v : values) {
            if (v > max) {
                clipped++;
            }
            int bin = (int) Math.min(CLV_BINS - 1, Math.floor(Math.min(v, max) / max * CLV_BINS));
            counts[bin]++;
        }
        return new ClvHistogram(max, counts, clipped);
    }

    /** Points of the P(alive) scatter, grouped by repeat purchases; every {@code stride}-th customer. */
    record Scatter(List<String> groups, List<double[]> xs, List<double[]> ys, int stride, int drawn) {
    }

    static Scatter aliveScatter(List<CustomerRow> rows) {
        int stride = Math.max(1, (rows.size() + SCATTER_LIMIT - 1) / SCATTER_LIMIT);
        List<String> groups = List.of("no repeat purchase", "1-2 repeat purchases", "3-5 repeat purchases",
                "6 or more");
        List<List<double[]>> points = new ArrayList<>();
        groups.forEach(g -> points.add(new ArrayList<>()));
        int drawn = 0;
        for (int i = 0; i < rows.size(); i += stride) {
            CustomerRow r = rows.get(i);
            int x = r.frequency();
            int g = x == 0 ? 0 : x <= 2 ? 1 : x <= 5 ? 2 : 3;
            points.get(g).add(new double[] {r.age() - r.recency(), r.probabilityAlive()});
            drawn++;
        }
        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<double[]> p = points.get(g);
            if (p.isEmpty()) {
                continue;
            }
            names.add(groups.get(g));
            xs.add(p.stream().mapToDouble(q -> q[0]).toArray());
            ys.add(p.stream().mapToDouble(q -> q[1]).toArray());
        }
        return new Scatter(names, xs, ys, stride, drawn);
    }

    // ------------------------------------------------------------------ charts

    private static HeatMapChart rfmChart(int[][] grid) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title("Customers by R and F score")
                .xAxisTitle("frequency score").yAxisTitle("recency score").build();
        style(chart.getStyler());
        chart.getStyler().setShowValue(true).setValueFontColor(Color.BLACK)
                .setRangeColors(new Color[] {new Color(0xf7, 0xfb, 0xff), new Color(0x6b, 0xae, 0xd6),
                    new Color(0x08, 0x30, 0x6b)});
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(10);
        List<String> scores = List.of("1", "2", "3", "4", "5");
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            for (int f = 0; f < 5; f++) {
                cells.add(new Number[] {f, r, grid[r][f]});
            }
        }
        chart.addSeries("customers", scores, scores, cells);
        return chart;
    }

    private static CategoryChart lifecycleChart(Map<LifecycleStage, Integer> counts) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Customers per lifecycle stage")
                .xAxisTitle("stage").yAxisTitle("customers").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        Map<LifecycleStage, Integer> ordered = byStage(counts);
        List<String> names = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        ordered.forEach((stage, n) -> {
            names.add(stage.name().toLowerCase(Locale.ROOT));
            values.add(n);
        });
        if (names.isEmpty()) {
            names.add("none");
            values.add(0);
        }
        chart.addSeries("customers", names, values);
        return chart;
    }

    private static Map<LifecycleStage, Integer> byStage(Map<LifecycleStage, Integer> counts) {
        Map<LifecycleStage, Integer> ordered = new EnumMap<>(LifecycleStage.class);
        ordered.putAll(counts);
        return ordered;
    }

    private static XYChart lorenzChart(AbcAnalysis abc, String value) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Lorenz curve of %s (Gini %.3f)", value, abc.gini()))
                .xAxisTitle("share of customers, poorest first").yAxisTitle("share of value").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        List<LorenzPoint> curve = abc.lorenzCurve();
        int step = Math.max(1, (curve.size() + LORENZ_POINTS - 2) / (LORENZ_POINTS - 1));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < curve.size(); i += step) {
            x.add(curve.get(i).customerShare());
            y.add(curve.get(i).valueShare());
        }
        LorenzPoint last = curve.get(curve.size() - 1);
        if (x.get(x.size() - 1) != last.customerShare()) {
            x.add(last.customerShare());
            y.add(last.valueShare());
        }
        XYSeries lorenz = chart.addSeries("Lorenz curve", x, y);
        lorenz.setMarker(SeriesMarkers.NONE);
        XYSeries equality = chart.addSeries("equal shares", new double[] {0, 1}, new double[] {0, 1});
        equality.setMarker(SeriesMarkers.NONE);
        equality.setLineColor(Color.GRAY);
        return chart;
    }

    private static CategoryChart clvChart(ClvHistogram clv, String currency) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Customers by lifetime value").xAxisTitle("lifetime value, " + currency + " (bin start)")
                .yAxisTitle("customers").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAvailableSpaceFill(0.95);
        List<String> starts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        double width = clv.max() / CLV_BINS;
        for (int i = 0; i < CLV_BINS; i++) {
            starts.add(String.format(Locale.ROOT, width * CLV_BINS >= 100 ? "%.0f" : "%.2f", i * width));
            counts.add(clv.counts()[i]);
        }
        chart.addSeries("customers", starts, counts);
        return chart;
    }

    private static XYChart aliveChart(Scatter scatter, String unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("P(alive) against recency")
                .xAxisTitle(unit + "s since the last purchase").yAxisTitle("P(alive), BG/NBD").build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (int g = 0; g < scatter.groups().size(); g++) {
            chart.addSeries(scatter.groups().get(g), scatter.xs().get(g), scatter.ys().get(g));
        }
        if (scatter.groups().isEmpty()) {
            chart.addSeries("none", new double[] {0}, new double[] {0});
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartFontColor(INK);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setPlotBorderVisible(false);
        styler.setSeriesColors(SERIES);
        styler.setAntiAlias(true);
    }

    // ------------------------------------------------------------------ HTML

    private static void figure(StringBuilder h, Chart<?, ?> chart, String title, String caption) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + title + "'", e);
        }
        h.append("<figure>\n<img width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" alt=\"").append(esc(title)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption><strong>")
                .append(esc(title)).append(".</strong> ").append(esc(caption)).append("</figcaption>\n</figure>\n");
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\"><div class=\"value\">").append(esc(value)).append("</div><div class=\"label\">")
                .append(esc(label)).append("</div></div>\n");
    }

    private static void models(StringBuilder h, CustomerBaseAnalysis a) {
        BgNbdModel bg = a.bgNbd().model();
        GammaGammaModel gg = a.gammaGamma().model();
        h.append("<h2>Purchase models (maximum likelihood)</h2>\n<table>\n")
                .append("<tr><th>model</th><th>parameters</th><th>log-likelihood</th></tr>\n");
        row(h, "BG/NBD", String.format(Locale.ROOT, "r %.4f, &alpha; %.4f, a %.4f, b %.4f", bg.r(), bg.alpha(), bg.a(),
                bg.b()), String.format(Locale.ROOT, "%.2f", a.bgNbd().logLikelihood()));
        if (a.paretoNbd().isPresent()) {
            ParetoNbdModel pn = a.paretoNbd().get().model();
            row(h, "Pareto/NBD", String.format(Locale.ROOT, "r %.4f, &alpha; %.4f, s %.4f, &beta; %.4f", pn.r(),
                    pn.alpha(), pn.s(), pn.beta()), String.format(Locale.ROOT, "%.2f", a.paretoNbd().get().logLikelihood()));
        } else {
            var boundary = a.paretoNbdBoundary().orElseThrow();
            Map<String, Double> q = boundary.boundaryEstimates();
            row(h, "Pareto/NBD", String.format(Locale.ROOT, "no interior maximum: one dropout rate s/&beta; %.4f for"
                    + " every customer (r %.4f, &alpha; %.4f)", q.get("s/beta"), q.get("r"), q.get("alpha")),
                    String.format(Locale.ROOT, "%.2f (limit)", boundary.logLikelihood()));
        }
        row(h, "Gamma-Gamma", String.format(Locale.ROOT, "p %.4f, q %.4f, &gamma; %.4f (%s repeat customers)", gg.p(),
                gg.q(), gg.gamma(), AnalysisReport.count(a.spendCustomerCount())),
                String.format(Locale.ROOT, "%.2f", a.gammaGamma().logLikelihood()));
        h.append("</table>\n");
    }

    /** Appends a table row; the cells are HTML already (numbers and entities only). */
    private static void row(StringBuilder h, String... cells) {
        h.append("<tr>");
        for (String c : cells) {
            h.append("<td>").append(c).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void tables(StringBuilder h, CustomerBaseAnalysis a, String cur) {
        h.append("<section class=\"tables\">\n<div>\n<h2>RFM segments</h2>\n<table>\n")
                .append("<tr><th>segment</th><th>customers</th><th>share</th></tr>\n");
        for (Map.Entry<String, Integer> e : a.rfm().segmentCounts().entrySet()) {
            row(h, esc(e.getKey()), AnalysisReport.count(e.getValue()),
                    esc(AnalysisReport.percent(e.getValue() / (double) a.customerCount())));
        }
        h.append("</table>\n</div>\n<div>\n<h2>Lifecycle stages</h2>\n<table>\n")
                .append("<tr><th>stage</th><th>customers</th><th>share</th></tr>\n");
        for (Map.Entry<LifecycleStage, Integer> e : byStage(a.lifecycleCounts()).entrySet()) {
            row(h, e.getKey().name().toLowerCase(Locale.ROOT), AnalysisReport.count(e.getValue()),
                    esc(AnalysisReport.percent(e.getValue() / (double) a.customerCount())));
        }
        h.append("</table>\n</div>\n<div>\n<h2>ABC classes of ").append(AnalysisReport.valueName(a))
                .append("</h2>\n");
        if (a.abc().isEmpty()) {
            h.append("<p>Every customer's ").append(AnalysisReport.valueName(a))
                    .append(" is 0 or less, so there are no classes.</p>\n");
        } else {
            AbcAnalysis abc = a.abc().get();
            h.append("<table>\n<tr><th>class</th><th>customers</th><th>share of customers</th><th>share of value</th></tr>\n");
            for (AbcClass c : AbcClass.values()) {
                int n = abc.classCounts().getOrDefault(c, 0);
                row(h, c.name(), AnalysisReport.count(n), esc(AnalysisReport.percent(n / (double) abc.customers().size())),
                        esc(AnalysisReport.percent(abc.classValueShares().getOrDefault(c, 0.0))));
            }
            h.append("</table>\n<p>Total ").append(AnalysisReport.valueName(a)).append(' ')
                    .append(esc(AnalysisReport.money(abc.total().doubleValue(), cur)))
                    .append(".</p>\n");
        }
        h.append("</div>\n</section>\n");
    }

    private static void customers(StringBuilder h, CustomerBaseAnalysis a, String unit, String cur) {
        h.append("<h2>Customers</h2>\n<p>x = repeat purchases; t<sub>x</sub> and T in ").append(unit)
                .append("s; spend and CLV in ").append(esc(cur)).append(".</p>\n<table class=\"customers\">\n")
                .append("<tr><th>id</th><th>x</th><th>t<sub>x</sub></th><th>T</th><th>mean spend</th>")
                .append("<th>P(alive)</th><th>E[buys]</th><th>CLV</th><th>RFM</th><th>segment</th><th>ABC</th></tr>\n");
        for (CustomerRow r : a.customers()) {
            row(h, esc(r.customerId()), Integer.toString(r.frequency()), String.format(Locale.ROOT, "%.2f", r.recency()),
                    String.format(Locale.ROOT, "%.2f", r.age()),
                    r.meanSpend().isPresent() ? String.format(Locale.ROOT, "%.2f", r.meanSpend().getAsDouble()) : "-",
                    String.format(Locale.ROOT, "%.4f", r.probabilityAlive()),
                    String.format(Locale.ROOT, "%.4f", r.expectedPurchases()),
                    String.format(Locale.ROOT, "%.2f", r.lifetimeValue()), esc(r.rfmCode()), esc(r.rfmSegment()),
                    r.abcClass().name());
        }
        h.append("</table>\n");
    }

    /** @return the text with the five HTML special characters escaped */
    static String esc(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static final String CSS = """
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1f3b57; background: #f4f6f9; }
            main { max-width: 1600px; margin: 0 auto; padding: 24px 32px 48px; }
            h1 { margin: 0 0 4px; font-size: 28px; }
            h2 { font-size: 19px; margin: 28px 0 10px; }
            .source { margin: 0 0 20px; color: #5b6b7c; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; }
            .card { background: #fff; border-radius: 8px; padding: 12px 18px; min-width: 150px;
                    box-shadow: 0 1px 3px rgba(0,0,0,.08); }
            .card .value { font-size: 22px; font-weight: 600; }
            .card .label { color: #5b6b7c; font-size: 13px; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 20px;
                      margin-top: 24px; }
            figure { margin: 0; background: #fff; border-radius: 8px; padding: 12px;
                     box-shadow: 0 1px 3px rgba(0,0,0,.08); }
            figure img { max-width: 100%; height: auto; display: block; }
            figcaption { font-size: 13px; color: #3d4f61; margin-top: 6px; }
            .tables { display: flex; flex-wrap: wrap; gap: 32px; }
            table { border-collapse: collapse; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
            th, td { padding: 5px 12px; border-bottom: 1px solid #e3e8ee; text-align: left; }
            td:not(:first-child) { font-variant-numeric: tabular-nums; }
            th { background: #e9eef4; font-weight: 600; }
            table.customers { font-size: 13px; }
            footer { margin-top: 40px; color: #8795a3; font-size: 12px; }
            """;
}
