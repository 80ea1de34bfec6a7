package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.abc.AbcThresholds;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AnalyzeCommandTest {

    private static Path cdnow;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findCdnow() throws URISyntaxException {
        cdnow = Path.of(Objects.requireNonNull(AnalyzeCommandTest.class.getResource("CDNOW_sample.txt")).toURI());
    }

    private static List<String> cdnowArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", "--transactions", cdnow.toString(),
                "--whitespace-delimited", "--columns", "master_id,customer_id,date,cds,amount",
                "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30"));
        args.addAll(List.of(more));
        return args;
    }

    private static Run crm(List<String> args) {
        return Cli.crm(args.toArray(String[]::new));
    }

    @Test
    void cdnowAsJsonReproducesThePublishedFits() {
        Run run = crm(cdnowArgs("--format", "json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        assertThat(doc.get("customers").asInt()).isEqualTo(2357);
        assertThat(doc.get("transactions").asInt()).isEqualTo(6919);
        assertThat(doc.get("skippedRows").asLong()).isZero();
        JsonNode bg = doc.get("models").get("bgnbd");
        assertThat(bg.get("r").asDouble()).isCloseTo(0.243, withinPercentage(1));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(4.414, withinPercentage(1));
        assertThat(bg.get("a").asDouble()).isCloseTo(0.793, withinPercentage(1));
        assertThat(bg.get("b").asDouble()).isCloseTo(2.426, withinPercentage(1));
        assertThat(bg.get("logLikelihood").asDouble()).isCloseTo(-9582.4, withinPercentage(0.01));
        JsonNode pn = doc.get("models").get("paretonbd");
        assertThat(pn.get("r").asDouble()).isCloseTo(0.553, withinPercentage(1));
        assertThat(pn.get("alpha").asDouble()).isCloseTo(10.578, withinPercentage(1));
        assertThat(pn.get("s").asDouble()).isCloseTo(0.606, withinPercentage(1));
        assertThat(pn.get("beta").asDouble()).isCloseTo(11.669, withinPercentage(1));
        assertThat(pn.get("logLikelihood").asDouble()).isCloseTo(-9595.0, withinPercentage(0.01));
        JsonNode gg = doc.get("models").get("gammagamma");
        assertThat(gg.get("p").asDouble()).isCloseTo(6.25, withinPercentage(1));
        assertThat(gg.get("q").asDouble()).isCloseTo(3.74, withinPercentage(1));
        assertThat(gg.get("gamma").asDouble()).isCloseTo(15.44, withinPercentage(1));
        assertThat(gg.get("customers").asInt()).isEqualTo(946);
        assertThat(doc.get("rfm").get("champions").asInt()).isEqualTo(609);
        int rfmTotal = 0;
        for (JsonNode n : doc.get("rfm")) {
            rfmTotal += n.asInt();
        }
        assertThat(rfmTotal).isEqualTo(2357);
        JsonNode abc = doc.get("abc");
        assertThat(abc.get("counts").get("A").asInt() + abc.get("counts").get("B").asInt()
                + abc.get("counts").get("C").asInt()).isEqualTo(2357);
        assertThat(abc.get("valueShares").get("A").asDouble() + abc.get("valueShares").get("B").asDouble()
                + abc.get("valueShares").get("C").asDouble()).isCloseTo(1.0, withinPercentage(1e-6));
        // The stage distribution the classifier's own CDNOW test pins (LifecycleClassifier, default policy, BG/NBD).
        JsonNode lifecycle = doc.get("lifecycle");
        assertThat(lifecycle.get("exploration").asInt()).isEqualTo(1850);
        assertThat(lifecycle.get("formation").asInt()).isEqualTo(139);
        assertThat(lifecycle.get("stability").asInt()).isEqualTo(58);
        assertThat(lifecycle.get("decline").asInt()).isEqualTo(273);
        assertThat(lifecycle.get("ended").asInt()).isEqualTo(37);
        assertThat(doc.has("perCustomer")).isFalse();
    }

    @Test
    void perCustomerRowsCarryEveryScore() {
        Run run = crm(cdnowArgs("--format", "json", "--per-customer"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = run.json().get("perCustomer");
        assertThat(rows.size()).isEqualTo(2357);
        JsonNode first = rows.get(0);
        assertThat(first.get("id").asText()).isEqualTo("0001");
        assertThat(first.get("frequency").asInt()).isEqualTo(2);
        assertThat(first.get("recency").asDouble()).isCloseTo(30.43, withinPercentage(0.1));
        assertThat(first.get("T").asDouble()).isCloseTo(38.86, withinPercentage(0.1));
        assertThat(first.get("monetary").asDouble()).isCloseTo(22.35, withinPercentage(0.1));
        assertThat(first.get("probabilityAlive").asDouble()).isCloseTo(0.7266, withinPercentage(0.1));
        assertThat(first.fieldNames()).toIterable().contains("expectedPurchases", "clv", "rfm", "rfmSegment",
                "abcClass");
        for (JsonNode row : rows) {
            assertThat(row.get("clv").isNumber()).isTrue();
        }
    }

    @Test
    void textSummaryInPlainWordsToAFile() throws IOException {
        Path out = tmp.resolve("report.txt");
        Run run = crm(cdnowArgs("--out", out.toString(), "--per-customer"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Analysed 2357 customers and 6919 transactions (0 rows skipped)");
        String text = Files.readString(out);
        assertThat(text).contains("6,919 transactions read (0 rows skipped)", "2,357 customers bought by then",
                "BG/NBD       r 0.2426", "RFM segments as of 1997-09-30", "champions", "ABC classes",
                "Gini coefficient");
        assertThat(text).contains("0001 ");
    }

    @Test
    void defaultsReadAnOrdinaryCsvAndCalibrateOnTheLastDate() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        List<Transaction> base = base(600, 3);
        for (Transaction t : base) {
            csv.append(t.customerId()).append(',').append(t.date()).append(',').append(t.amount()).append('\n');
        }
        LocalDate last = base.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
        Path file = write("small.csv", csv.toString());

        Run run = Cli.crm("analyze", "--transactions", file.toString(), "--format", "json", "--time-unit", "day");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("calibrationEnd").asText()).isEqualTo(last.toString());
        assertThat(doc.get("timeUnit").asText()).isEqualTo("day");
        assertThat(doc.get("customers").asInt()).isEqualTo(600);
        assertThat(doc.get("transactions").asInt()).isEqualTo(base.size());
        // in days, alpha is 7 times the weekly value the base was drawn with (4.414)
        assertThat(doc.get("models").get("bgnbd").get("alpha").asDouble()).isBetween(7 * 2.0, 7 * 8.0);
    }

    @Test
    void isoDatesAndCompactDatesBothWorkForTheCalibrationEnd() throws IOException {
        StringBuilder csv = new StringBuilder("id;day;value\n");
        for (Transaction t : base(600, 3)) {
            csv.append(t.customerId()).append(';').append(t.date().format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append(';').append(t.amount().setScale(0, RoundingMode.HALF_EVEN)).append('\n');
        }
        Path file = write("compact.csv", csv.toString());
        for (String end : List.of("1998-03-31", "19980331")) {
            Run run = Cli.crm("analyze", "--transactions", file.toString(), "--customer-column", "id",
                    "--date-column", "day", "--amount-column", "value", "--delimiter", ";", "--date-format",
                    "yyyyMMdd", "--currency", "jpy", "--calibration-end", end, "--time-unit", "month",
                    "--format", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("calibrationEnd").asText()).isEqualTo("1998-03-31");
            assertThat(run.json().get("currency").asText()).isEqualTo("JPY");
            assertThat(run.json().get("customers").asInt()).isEqualTo(600);
        }
    }

    @Test
    void anUnparseableDateStopsWithItsLineNumber() throws IOException {
        Path file = write("bad-date.csv", "customer_id,date,amount\na,2024-01-01,1.00\n\nb,2024-02-30,2.00\n");

        Run run = Cli.crm("analyze", "--transactions", file.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(run.out()).isEmpty();
        assertOneLine(run.err());
        assertThat(run.err()).contains("line 4: date: must be a date in the format yyyy-MM-dd (was '2024-02-30')",
                "0 rows skipped");
    }

    @Test
    void anUnparseableAmountStopsWithItsLineNumber() throws IOException {
        Path file = write("bad-amount.csv", "customer_id,date,amount\na,2024-01-01,1.00\nb,2024-01-02,1e3\n");

        Run run = Cli.crm("analyze", "--transactions", file.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("line 3: amount:", "0 rows skipped");
    }

    @Test
    void badRowsCanBeSkippedAndAreCounted() throws IOException {
        Path file = write("skip.csv", """
                customer_id,date,amount
                a,2024-01-01,10.00
                a,2024-01-20,x
                a,2024-02-20,12.00
                b,2024-01-05,40.00
                b,01/02/2024,40.00
                b,2024-02-10,35.00
                c,2024-01-07,5.00
                """);

        Run run = Cli.crm("analyze", "--transactions", file.toString(), "--on-error", "skip", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertOneLine(run.err());
        assertThat(run.err()).startsWith("crm: warning: skipped 2 bad rows of 7").contains("line 3: amount:");
        assertThat(run.json().get("skippedRows").asInt()).isEqualTo(2);
        assertThat(run.json().get("transactions").asInt()).isEqualTo(5);
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path file = write("no-amount.csv", "customer_id,date,value\na,2024-01-01,1.00\n");

        Run run = Cli.crm("analyze", "--transactions", file.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("line 1: header:", "amount", "0 rows skipped");
    }

    @Test
    void negativeAmountsAreRefundsUnlessRejected() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (Transaction t : base(500, 5)) {
            csv.append(t.customerId()).append(',').append(t.date()).append(',').append(t.amount()).append('\n');
        }
        csv.append("C010,1997-03-21,-12.00\n");
        Path file = write("refund.csv", csv.toString());

        Run refunds = Cli.crm("analyze", "--transactions", file.toString());
        Run rejected = Cli.crm("analyze", "--transactions", file.toString(), "--negative-amounts", "reject");

        assertThat(refunds.exitCode()).as(refunds.err()).isZero();
        assertThat(refunds.out()).contains("1 negative amounts were counted as refunds");
        assertThat(rejected.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(rejected.err());
        assertThat(rejected.err()).contains("negative amount -12.00 for customer C010 on 1997-03-21",
                "--negative-amounts reject", "0 rows skipped");
    }

    @Test
    void aCalibrationEndBeforeEveryPurchaseIsRefused() {
        Run run = crm(List.of("analyze", "--transactions", cdnow.toString(), "--whitespace-delimited", "--columns",
                "master_id,customer_id,date,cds,amount", "--date-format", "yyyyMMdd", "--calibration-end",
                "1996-12-31"));

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("--calibration-end 1996-12-31 is before every purchase",
                "the first is on 1997-01-01", "0 rows skipped");
    }

    @Test
    void aModelThatCannotBeFittedIsNamed() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("c").append(i).append(",2024-01-").append(String.format("%02d", i)).append(",9.00\n");
        }
        Path file = write("one-timers.csv", csv.toString());

        Run run = Cli.crm("analyze", "--transactions", file.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("BG/NBD fit did not converge", "no customer made a repeat purchase",
                "0 rows skipped");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    /**
     * On this simulated base with a short calibration period the Pareto/NBD likelihood has no interior
     * maximum (it rises as s and β run off together); the fit used to follow that ridge for tens of seconds
     * until --fit-time-limit stopped it. Now the fit ends at once with a verdict, which the report shows in
     * place of the Pareto/NBD parameters while the rest of the analysis goes on.
     */
    @Test
    void aParetoNbdFitWithoutAnInteriorMaximumIsReportedAndTheAnalysisGoesOn() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (Transaction t : base(600, 4)) {
            csv.append(t.customerId()).append(',').append(t.date()).append(',').append(t.amount()).append('\n');
        }
        Path file = write("ridge.csv", csv.toString());
        Path json = tmp.resolve("ridge.json");

        Run text = Cli.crm("analyze", "--transactions", file.toString(), "--calibration-end", "1997-09-30");
        Run run = Cli.crm("analyze", "--transactions", file.toString(), "--calibration-end", "1997-09-30",
                "--format", "json", "--out", json.toString());

        assertThat(text.exitCode()).as(text.err()).isEqualTo(0);
        assertThat(text.out()).contains("Pareto/NBD   no interior maximum: every customer drops out at the same rate"
                + " s/beta 0.019");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode pn = new ObjectMapper().readTree(json.toFile()).path("models").path("paretonbd");
        assertThat(pn.path("interiorMaximum").asBoolean(true)).isFalse();
        assertThat(pn.path("dropoutRate").asDouble()).isBetween(0.018, 0.021);
        assertThat(pn.path("boundary").asText()).contains("s, beta -> infinity");
        assertThat(pn.has("s")).isFalse();
    }

    @Test
    void abcByMarginRanksByEachCustomersNetMargin() throws IOException {
        // margins at a rate of their own per customer, so that the margin ranking is not the spend ranking
        java.util.Random rates = new java.util.Random(31);
        java.util.Map<String, BigDecimal> rate = new java.util.HashMap<>();
        List<Transaction> withMargins = new ArrayList<>();
        StringBuilder csv = new StringBuilder("customer_id,date,amount,margin\n");
        for (Transaction t : base(400, 3)) {
            BigDecimal r = rate.computeIfAbsent(t.customerId(), id -> BigDecimal.valueOf(5 + rates.nextInt(60), 2));
            BigDecimal margin = t.amount().multiply(r).setScale(2, RoundingMode.HALF_EVEN);
            withMargins.add(new Transaction(t.customerId(), t.date(), t.amount(), t.currency(), margin, null, null,
                    null));
            csv.append(t.customerId()).append(',').append(t.date()).append(',').append(t.amount().toPlainString())
                    .append(',').append(margin.toPlainString()).append('\n');
        }
        Path file = write("margins.csv", csv.toString());
        AbcAnalysis expected = AbcAnalysis.ofNetMargin(Transactions.of(withMargins), AbcThresholds.DEFAULT);

        Run byMargin = Cli.crm("analyze", "--transactions", file.toString(), "--margin-column", "margin",
                "--abc-value", "margin", "--format", "json", "--per-customer");
        Run bySpend = Cli.crm("analyze", "--transactions", file.toString(), "--margin-column", "margin",
                "--format", "json", "--per-customer");

        assertThat(byMargin.exitCode()).as(byMargin.err()).isZero();
        JsonNode abc = byMargin.json().get("abc");
        assertThat(abc.get("value").asText()).isEqualTo("net margin");
        assertThat(abc.get("total").decimalValue()).isEqualByComparingTo(expected.total());
        for (AbcClass c : AbcClass.values()) {
            assertThat(abc.get("counts").get(c.name()).asInt()).isEqualTo(expected.classCounts().getOrDefault(c, 0));
        }
        for (JsonNode row : byMargin.json().get("perCustomer")) {
            assertThat(row.get("abcClass").asText())
                    .isEqualTo(expected.customer(row.get("id").asText()).orElseThrow().abcClass().name());
        }
        assertThat(bySpend.json().get("abc").get("value").asText()).isEqualTo("net spend");
        assertThat(bySpend.json().get("abc").get("total").decimalValue())
                .isNotEqualByComparingTo(abc.get("total").decimalValue());
        // the rest of the analysis does not depend on what ABC ranks by
        assertThat(byMargin.json().get("models")).isEqualTo(bySpend.json().get("models"));
        assertThat(byMargin.json().get("rfm")).isEqualTo(bySpend.json().get("rfm"));
        assertThat(Cli.crm("analyze", "--transactions", file.toString(), "--margin-column", "margin",
                "--abc-value", "margin").out()).contains("ABC classes of net margin");
        String html = Cli.crm("analyze", "--transactions", file.toString(), "--margin-column", "margin",
                "--abc-value", "margin", "--format", "html").out();
        assertThat(html).contains("ABC classes of net margin", "Total net margin ", "Share of net margin")
                .doesNotContain("net spend");
    }

    @Test
    void abcByMarginNeedsMargins() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount,margin\n");
        for (Transaction t : base(200, 4)) {
            csv.append(t.customerId()).append(',').append(t.date()).append(',').append(t.amount().toPlainString())
                    .append(",\n");
        }
        Path file = write("plain.csv", csv.toString());

        Run noColumn = Cli.crm("analyze", "--transactions", file.toString(), "--abc-value", "margin");
        Run noMargins = Cli.crm("analyze", "--transactions", file.toString(), "--margin-column", "margin",
                "--abc-value", "margin");
        Run badValue = Cli.crm("analyze", "--transactions", file.toString(), "--abc-value", "profit");

        assertThat(noColumn.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertOneLine(noColumn.err());
        assertThat(noColumn.err()).contains("--abc-value margin needs --margin-column");
        assertThat(noMargins.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(noMargins.err()).contains("margin", "calibration end");
        assertThat(badValue.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(badValue.err()).contains("--abc-value 'profit' is not one of spend, margin");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path file = write("bad.csv", "customer_id,date,amount\na,2024-13-01,1.00\n");

        Run run = Cli.crm("analyze", "--transactions", file.toString(), "--verbose");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(run.err()).contains("line 2: date:", "\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run format = crm(cdnowArgs("--format", "pdf"));
        assertThat(format.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertOneLine(format.err());
        assertThat(format.err()).contains("--format 'pdf' is not one of text, json, html");

        Run unit = crm(cdnowArgs("--time-unit", "fortnight"));
        assertThat(unit.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(unit.err()).contains("--time-unit 'fortnight' is not one of day, week, month");

        Run currency = crm(cdnowArgs("--currency", "XYZW"));
        assertThat(currency.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(currency.err()).contains("--currency 'XYZW'");

        List<String> badEnd = cdnowArgs();
        badEnd.set(badEnd.indexOf("1997-09-30"), "30/09/1997");
        Run end = crm(badEnd);
        assertThat(end.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(end.err()).contains("--calibration-end '30/09/1997' is not a date");

        Run missing = Cli.crm("analyze");
        assertThat(missing.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(missing.err()).contains("--transactions");
    }

    @Test
    void anAnalysisThatOutrunsTheTimeLimitFailsInOneLine() {
        // no analysis of 2,357 customers with three model fits ends within a millisecond
        Run run = crm(cdnowArgs("--fit-time-limit", "0.001"));

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("the analysis did not finish within 0.001 s (--fit-time-limit); it was ",
                "(0 rows skipped)");
        assertThat(run.out()).isEmpty();

        for (String bad : new String[] {"0", "-1", "NaN", "Infinity"}) {
            Run refused = crm(cdnowArgs("--fit-time-limit", bad));
            assertThat(refused.exitCode()).as(bad).isEqualTo(CrmCommand.USAGE);
            assertThat(refused.err()).contains("--fit-time-limit must be a positive number of seconds");
        }
    }

    @Test
    void aMissingFileFailsInOneLine() {
        Run run = Cli.crm("analyze", "--transactions", tmp.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertOneLine(run.err());
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void jsonNeverEnablesTypeInformation() {
        Run run = crm(cdnowArgs("--format", "json"));
        assertThat(run.out()).doesNotContain("@class", "@type");
    }

    @Test
    void bothCommandsExplainThemselves() {
        Run analyze = Cli.crm("analyze", "--help");
        Run generate = Cli.crm("help", "generate-transactions");
        Run top = Cli.crm("--help");

        assertThat(analyze.exitCode()).isZero();
        assertThat(analyze.out()).contains("Usage: crm analyze", "--whitespace-delimited", "--columns");
        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("Usage: crm generate-transactions", "--seed");
        assertThat(top.out()).contains("analyze", "generate-transactions");
    }

    /** A simulated base with the CDNOW parameters: enough data for every model to be fitted. */
    private static List<Transaction> base(int customers, long seed) {
        return CustomerBaseSimulator.builder().customers(customers).seed(seed).build().transactions().toList();
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertOneLine(String err) {
        assertThat(err).startsWith("crm: ").endsWith(System.lineSeparator());
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
    }
}
