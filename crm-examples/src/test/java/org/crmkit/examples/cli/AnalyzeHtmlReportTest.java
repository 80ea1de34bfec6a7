package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.CustomerBaseAnalysis.CustomerRow;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm analyze --format html}: one self-contained page whose charts show the analysis's own numbers. */
class AnalyzeHtmlReportTest {

    private static final Pattern IMAGE = Pattern.compile("<img [^>]*alt=\"([^\"]+)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

    private static Path cdnow;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findCdnow() throws URISyntaxException {
        cdnow = Path.of(Objects.requireNonNull(AnalyzeHtmlReportTest.class.getResource("CDNOW_sample.txt")).toURI());
    }

    private static List<String> cdnowArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", "--transactions", cdnow.toString(),
                "--whitespace-delimited", "--columns", "master_id,customer_id,date,cds,amount",
                "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theCdnowReportIsOneSelfContainedPageWithFiveCharts() throws IOException {
        Path out = tmp.resolve("report.html");

        Run run = Cli.crm(cdnowArgs("--format", "html", "--out", out.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Analysed 2357 customers", "wrote the html report to");
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // nothing is loaded from elsewhere: no scripts, no links, no remote images
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://", "src=\"//");
        // the figures agree with the JSON report of the same run
        JsonNode json = Cli.crm(cdnowArgs("--format", "json").toArray(String[]::new)).json();
        assertThat(html).contains("<div class=\"value\">2,357</div><div class=\"label\">customers</div>",
                "<div class=\"value\">6,919</div><div class=\"label\">transactions</div>");
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "r %.4f, &alpha; %.4f, a %.4f, b %.4f",
                json.get("models").get("bgnbd").get("r").asDouble(), json.get("models").get("bgnbd").get("alpha").asDouble(),
                json.get("models").get("bgnbd").get("a").asDouble(), json.get("models").get("bgnbd").get("b").asDouble()));
        assertThat(html).contains("<tr><td>champions</td><td>" + json.get("rfm").get("champions").asInt() + "</td>");

        List<String> charts = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            charts.add(m.group(1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            assertThat(image).as(m.group(1)).isNotNull();
            assertThat(image.getWidth()).isEqualTo(HtmlReport.WIDTH);
            assertThat(image.getHeight()).isEqualTo(HtmlReport.HEIGHT);
            assertThat(distinctColours(image)).as("a chart, not a blank image: " + m.group(1)).isGreaterThan(20);
        }
        assertThat(charts).containsExactly("RFM grid", "Lifecycle stages", "Lorenz curve", "Customer lifetime value",
                "P(alive) against recency");
    }

    @Test
    void theDataBehindTheChartsCountsEveryCustomerOnce() throws Exception {
        CustomerBaseAnalysis a = cdnowAnalysis();

        int[][] grid = HtmlReport.rfmGrid(a);
        int total = 0;
        for (int[] row : grid) {
            for (int n : row) {
                total += n;
            }
        }
        assertThat(total).isEqualTo(a.customerCount());
        // champions (R 4-5, F 4-5 in the default map) all sit in the top-right corner of the grid
        long topRight = a.customers().stream().filter(r -> r.rfmCode().charAt(0) >= '4' && r.rfmCode().charAt(1) >= '4')
                .count();
        assertThat(grid[3][3] + grid[3][4] + grid[4][3] + grid[4][4]).isEqualTo((int) topRight);

        HtmlReport.ClvHistogram clv = HtmlReport.clvHistogram(a.customers());
        assertThat(java.util.Arrays.stream(clv.counts()).sum()).isEqualTo(a.customerCount());
        long above = a.customers().stream().filter(r -> r.lifetimeValue() > clv.max()).count();
        assertThat(clv.clipped()).isEqualTo((int) above);
        // the 99th percentile leaves about 1 % of the customers above it
        assertThat(above).isBetween(1L, (long) Math.ceil(0.01 * a.customerCount()));

        HtmlReport.Scatter scatter = HtmlReport.aliveScatter(a.customers());
        assertThat(scatter.stride()).isEqualTo(1);
        assertThat(scatter.drawn()).isEqualTo(a.customerCount());
        int points = scatter.xs().stream().mapToInt(x -> x.length).sum();
        assertThat(points).isEqualTo(a.customerCount());
        // a customer without a repeat purchase is alive for sure under BG/NBD (Fader, Hardie & Lee 2005: dropping out can only follow a purchase)
        int none = scatter.groups().indexOf("no repeat purchase");
        assertThat(scatter.ys().get(none)).containsOnly(1.0);
    }

    @Test
    void aLargeBaseIsSampledForTheScatterPlot() {
        List<CustomerRow> rows = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) {
            rows.add(new CustomerRow("c" + i, i % 7, 1.0, 10.0, java.util.OptionalDouble.empty(), java.math.BigDecimal.ONE,
                    0.5, 0.1, i, "111", "lost", org.crmkit.core.analytics.abc.AbcClass.C));
        }

        HtmlReport.Scatter scatter = HtmlReport.aliveScatter(rows);

        assertThat(scatter.stride()).isEqualTo(3);
        assertThat(scatter.drawn()).isEqualTo(4_115).isLessThanOrEqualTo(HtmlReport.SCATTER_LIMIT);
        assertThat(scatter.xs().stream().mapToInt(x -> x.length).sum()).isEqualTo(scatter.drawn());
    }

    @Test
    void textFromTheInputIsEscaped() {
        assertThat(HtmlReport.esc("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    private static CustomerBaseAnalysis cdnowAnalysis() throws Exception {
        TransactionCsv.Options options = TransactionCsv.Options.defaults(java.util.Currency.getInstance("USD"))
                .withColumns("customer_id", "date", "amount").withDateFormat("yyyyMMdd").withWhitespaceDelimited()
                .withHeader("master_id", "customer_id", "date", "cds", "amount");
        var read = TransactionCsv.read(cdnow, options);
        return CustomerBaseAnalysis.run(read.transactions(),
                CustomerBaseAnalysis.Options.of(LocalDate.of(1997, 9, 30), PeriodUnit.WEEK));
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
