package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the CDNOW sample (Fader, Hardie and Lee) as it is distributed and checks the calibration
 * summary (to 1997-09-30, in weeks) against the published one, customer by customer.
 */
class CdnowSummaryTest {

    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    static TransactionCsv.Result cdnow;

    /** The sample is whitespace-separated without a header; it becomes CSV here. */
    static String cdnowAsCsv() throws IOException {
        StringBuilder csv = new StringBuilder("master_id,customer_id,date,cds,amount\n");
        for (String line : resource("CDNOW_sample.txt").split("\\R")) {
            if (!line.isBlank()) {
                csv.append(String.join(",", line.strip().split("\\s+"))).append('\n');
            }
        }
        return csv.toString();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CdnowSummaryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The options that read the sample as it is: no header, fields separated by blanks. */
    static final TransactionCsv.Options CDNOW_AS_IS = TransactionCsv.Options.defaults(USD)
            .withHeader("master_id", "customer_id", "date", "cds", "amount")
            .withWhitespaceDelimited()
            .withDateFormat("yyyyMMdd");

    @BeforeAll
    static void read() throws IOException {
        try (Reader in = new InputStreamReader(CdnowSummaryTest.class.getResourceAsStream("CDNOW_sample.txt"),
                StandardCharsets.UTF_8)) {
            cdnow = TransactionCsv.read(in, CDNOW_AS_IS);
        }
    }

    @Test
    void readsTheSameTransactionsFromTheSampleConvertedToCsv() throws IOException {
        Transactions fromCsv = TransactionCsv.read(cdnowAsCsv(),
                TransactionCsv.Options.defaults(USD).withDateFormat("yyyyMMdd")).transactions();
        assertThat(fromCsv.stream()).containsExactlyElementsOf(cdnow.transactions().stream().toList());
    }

    @Test
    void readsEveryTransactionOfTheSample() {
        assertThat(cdnow.records()).isEqualTo(6919);
        assertThat(cdnow.skipped()).isZero();
        assertThat(cdnow.transactions().size()).isEqualTo(6919);
        assertThat(cdnow.transactions().customerCount()).isEqualTo(2357);
    }

    @Test
    void reproducesThePublishedCalibrationSummaryForEveryCustomer() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        String[] lines = resource("cdnow_customers_summary.csv").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            expected.put(String.format("%04d", Integer.parseInt(f[0])),
                    f[1] + "," + twoDp(Double.parseDouble(f[2])) + "," + twoDp(Double.parseDouble(f[3])));
        }
        List<CalibrationSummary> summaries = cdnow.transactions().calibration(CALIBRATION_END, PeriodUnit.WEEK);

        Map<String, String> actual = new LinkedHashMap<>();
        for (CalibrationSummary s : summaries) {
            actual.put(s.customerId(), s.frequency() + "," + twoDp(s.recency()) + "," + twoDp(s.age()));
        }
        assertThat(actual).hasSize(2357);
        List<String> mismatches = new ArrayList<>();
        expected.forEach((id, row) -> {
            if (!row.equals(actual.get(id))) {
                mismatches.add(id + ": expected " + row + ", got " + actual.get(id));
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void summarisesWholeCustomersWithSameDayPurchasesAsOneOccasion() {
        CustomerSummary first = cdnow.transactions().summaries().get(0);
        // customer 0001: four purchases on four days, 29.33 + 29.73 + 14.96 + 26.48
        assertThat(first.customerId()).isEqualTo("0001");
        assertThat(first.occasions()).isEqualTo(4);
        assertThat(first.totalSpend()).isEqualByComparingTo("100.50");
        assertThat(first.firstPurchase()).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(first.lastPurchase()).isEqualTo(LocalDate.of(1997, 12, 12));
        assertThat(cdnow.transactions().summaries()).hasSize(2357);
    }

    private static String twoDp(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
