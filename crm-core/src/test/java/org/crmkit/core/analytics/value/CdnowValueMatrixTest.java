package org.crmkit.core.analytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The value matrix of the CDNOW sample on 1997-09-30: current value = spend in the last 13 weeks,
 * potential = 12-month CLV (BG/NBD + Gamma-Gamma, 1 % a month, margin 1). The histories built from the
 * transactions match the published summary for customer 1, and the quadrant counts are this library's
 * own figures (no published reference).
 */
class CdnowValueMatrixTest {

    static final LocalDate END = LocalDate.of(1997, 9, 30);
    static Transactions cdnow;

    @BeforeAll
    static void read() throws IOException {
        var options = TransactionCsv.Options.defaults(Currency.getInstance("USD"))
                .withHeader("master_id", "customer_id", "date", "cds", "amount")
                .withWhitespaceDelimited()
                .withDateFormat("yyyyMMdd");
        try (Reader in = new InputStreamReader(Objects.requireNonNull(CdnowValueMatrixTest.class.getResourceAsStream(
                "/org/crmkit/core/analytics/transactions/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
            cdnow = TransactionCsv.read(in, options).transactions();
        }
    }

    @Test
    void quadrantsOfTheCdnowSample() {
        Map<String, PurchaseHistory> histories = org.crmkit.core.analytics.PurchaseHistoryAdapter.histories(cdnow, END, PeriodUnit.WEEK);
        assertThat(histories).hasSize(2357);
        PurchaseHistory first = histories.get(cdnow.customerIds().get(0));
        assertThat(first.frequency()).isEqualTo(2);
        assertThat(first.recency()).isCloseTo(30.43, within(0.005));
        assertThat(first.age()).isCloseTo(38.86, within(0.005));
        assertThat(first.meanSpend().getAsDouble()).isCloseTo(22.35, within(0.005));

        List<PurchaseHistory> list = new ArrayList<>(histories.values());
        BgNbdModel bg = BgNbdModel.fit(PurchaseHistories.of(list)).model();
        GammaGammaModel gg = GammaGammaModel.fit(SpendHistories.of(list)).model();
        LifetimeValue clv = new LifetimeValue(bg, gg, 12, 52.0 / 12, 0.01, 1.0);
        assertThat(clv.valueOf(first)).isCloseTo(36.20, within(0.01)); // docs/analytics.md, customer 1

        ValueMatrix matrix = ValueMatrix.of(ValuePositions.of(cdnow, END, 91, clv, PeriodUnit.WEEK));
        assertThat(matrix.assignments()).hasSize(2357);
        // over half the cohort bought nothing in the last 13 weeks: the median current value is 0
        assertThat(matrix.currentThreshold()).isZero();
        assertThat(matrix.potentialThreshold()).isCloseTo(10.16, within(0.005));
        assertThat(matrix.counts()).containsExactly(Map.entry(ValueQuadrant.KEEP_AT_ANY_COST, 411),
                Map.entry(ValueQuadrant.DEVELOP, 758), Map.entry(ValueQuadrant.MAINTAIN, 0),
                Map.entry(ValueQuadrant.DO_NOT_INVEST, 1188));
    }
}
