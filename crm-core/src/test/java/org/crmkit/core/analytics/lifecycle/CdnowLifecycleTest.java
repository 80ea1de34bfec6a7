package org.crmkit.core.analytics.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.customer.LifecycleStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle stages of the CDNOW sample (2,357 customers of the 1997 Q1 cohort) with the default policy.
 * The counts are computed by this library and pinned here against regressions; there is no published
 * reference to compare them with.
 */
class CdnowLifecycleTest {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate DATA_END = LocalDate.of(1998, 6, 30);
    static Transactions cdnow;

    @BeforeAll
    static void read() throws IOException {
        var options = TransactionCsv.Options.defaults(Currency.getInstance("USD"))
                .withHeader("master_id", "customer_id", "date", "cds", "amount")
                .withWhitespaceDelimited()
                .withDateFormat("yyyyMMdd");
        try (Reader in = new InputStreamReader(Objects.requireNonNull(CdnowLifecycleTest.class.getResourceAsStream(
                "/org/crmkit/core/analytics/transactions/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
            cdnow = TransactionCsv.read(in, options).transactions();
        }
    }

    static PurchaseHistories histories(LocalDate end) {
        return PurchaseHistories.of(cdnow.calibration(end, PeriodUnit.WEEK).stream()
                .map(s -> PurchaseHistory.of(s.frequency(), s.recency(), s.age())).toList());
    }

    static Map<LifecycleStage, Integer> counts(List<LifecycleClassification> all) {
        assertThat(all).hasSize(2357);
        return LifecycleClassifier.stageCounts(all);
    }

    static Map<LifecycleStage, Integer> expected(int exploration, int formation, int stability, int decline, int ended) {
        return Map.of(LifecycleStage.EXPLORATION, exploration, LifecycleStage.FORMATION, formation,
                LifecycleStage.STABILITY, stability, LifecycleStage.DECLINE, decline, LifecycleStage.ENDED, ended);
    }

    @Test
    void atTheEndOfCalibrationWithBgNbd() {
        BgNbdModel bg = BgNbdModel.fit(histories(CALIBRATION_END)).model();
        assertThat(counts(LifecycleClassifier.withDefaults().classifyAll(cdnow, CALIBRATION_END, bg, PeriodUnit.WEEK)))
                .isEqualTo(expected(1850, 139, 58, 273, 37));
    }

    @Test
    void atTheEndOfCalibrationWithParetoNbdAndWithoutAModel() {
        ParetoNbdModel pareto = ParetoNbdModel.fit(histories(CALIBRATION_END)).model();
        assertThat(counts(LifecycleClassifier.withDefaults().classifyAll(cdnow, CALIBRATION_END, pareto,
                PeriodUnit.WEEK))).isEqualTo(expected(1850, 139, 58, 289, 21));
        // without P(alive) nobody ends, and the spend rule alone finds the declines
        assertThat(counts(LifecycleClassifier.withDefaults().classifyAll(cdnow, CALIBRATION_END)))
                .isEqualTo(expected(1850, 139, 58, 310, 0));
    }

    @Test
    void theInactivityRuleEndsTheOneTimeBuyersThatTheModelsLeaveExploring() {
        BgNbdModel bg = BgNbdModel.fit(histories(CALIBRATION_END)).model();
        LifecycleClassifier withLimit = LifecycleClassifier.of(LifecyclePolicy.defaults().withEndedAfterInactiveDays(182));
        assertThat(counts(withLimit.classifyAll(cdnow, CALIBRATION_END, bg, PeriodUnit.WEEK)))
                .isEqualTo(expected(260, 139, 58, 256, 1644));
    }

    @Test
    void atTheEndOfTheDataWithBgNbdFittedOnAllOfIt() {
        BgNbdModel bg = BgNbdModel.fit(histories(DATA_END)).model();
        assertThat(counts(LifecycleClassifier.withDefaults().classifyAll(cdnow, DATA_END, bg, PeriodUnit.WEEK)))
                .isEqualTo(expected(1621, 152, 40, 467, 77));
    }
}
