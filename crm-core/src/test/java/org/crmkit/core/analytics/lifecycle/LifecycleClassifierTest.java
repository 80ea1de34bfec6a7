package org.crmkit.core.analytics.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.transactions.CalibrationSummary;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Hand-made customers for each stage and each rule boundary of the default policy (window 91 days,
 * 2 repeat purchases, g = 0.2, decline under P(alive) 0.5, ended under 0.1).
 */
class LifecycleClassifierTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");
    static final LifecycleClassifier DEFAULT = LifecycleClassifier.withDefaults();

    /** A purchase {@code daysBefore} days before {@link #AS_OF}. */
    static Transaction buy(String customer, int daysBefore, String amount) {
        return Transaction.of(customer, AS_OF.minusDays(daysBefore), new BigDecimal(amount), EUR);
    }

    /**
     * A customer with tenure 182 days (two prior windows: days 182..91 before the as-of day), 100 spent
     * in the prior span twice (trailing average 100) and {@code latest} spent 10 days before.
     */
    static Transactions trend(String latest) {
        return Transactions.of(List.of(buy("c", 182, "100"), buy("c", 100, "100"), buy("c", 10, latest)));
    }

    static LifecycleClassification only(Transactions t, OptionalDouble alive) {
        return DEFAULT.classify(t, "c", AS_OF, alive).orElseThrow();
    }

    static LifecycleClassification only(Transactions t) {
        return only(t, OptionalDouble.empty());
    }

    @Test
    void theDefaultPolicyIsTheOneDocumented() {
        LifecyclePolicy p = LifecyclePolicy.defaults();
        assertThat(p.windowDays()).isEqualTo(91);
        assertThat(p.minRepeatPurchases()).isEqualTo(2);
        assertThat(p.growth()).isEqualByComparingTo("0.2");
        assertThat(p.declineBelowAlive()).isEqualTo(0.5);
        assertThat(p.endedBelowAlive()).isEqualTo(0.1);
        assertThat(p.endedAfterInactiveDays()).isEmpty();
    }

    @Test
    void aSteadyCustomerIsStableAndItsFiguresAreThoseDefined() {
        LifecycleClassification c = only(trend("100"));
        assertThat(c.stage()).isEqualTo(LifecycleStage.STABILITY);
        assertThat(c.rule()).isEqualTo(LifecycleRule.STABILITY_SPEND);
        assertThat(c.tenureDays()).isEqualTo(182);
        assertThat(c.daysSinceLastPurchase()).isEqualTo(10);
        assertThat(c.repeatPurchases()).isEqualTo(2);
        assertThat(c.priorWindows()).isEqualTo(2);
        assertThat(c.priorSpend()).isEqualByComparingTo("200");
        assertThat(c.trailingAverage()).isEqualByComparingTo("100");
        assertThat(c.latestWindowSpend()).isEqualByComparingTo("100");
        assertThat(c.spendRatio().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(c.explanation()).contains("c on 2024-12-31: stability", "within 0.2", "tenure 182 days",
                "2 repeat purchases", "P(alive) unknown");
    }

    @Test
    void formationNeedsSpendStrictlyAboveOnePlusGTimesTheTrailingAverage() {
        assertThat(only(trend("120.00")).stage()).isEqualTo(LifecycleStage.STABILITY);
        LifecycleClassification up = only(trend("120.01"));
        assertThat(up.stage()).isEqualTo(LifecycleStage.FORMATION);
        assertThat(up.rule()).isEqualTo(LifecycleRule.FORMATION_SPEND);
        assertThat(up.explanation()).contains("120.01 > (1 + 0.2) x trailing average 100");
    }

    @Test
    void declineNeedsSpendStrictlyBelowOneMinusGTimesTheTrailingAverage() {
        assertThat(only(trend("80.00")).stage()).isEqualTo(LifecycleStage.STABILITY);
        LifecycleClassification down = only(trend("79.99"));
        assertThat(down.stage()).isEqualTo(LifecycleStage.DECLINE);
        assertThat(down.rule()).isEqualTo(LifecycleRule.DECLINE_SPEND);
        // no purchase at all in the latest window is the strongest decline
        Transactions silent = Transactions.of(List.of(buy("c", 300, "50"), buy("c", 200, "50"), buy("c", 120, "50")));
        assertThat(only(silent).rule()).isEqualTo(LifecycleRule.DECLINE_SPEND);
        assertThat(only(silent).latestWindowSpend()).isEqualByComparingTo("0");
    }

    @Test
    void aPurchaseExactlyOneWindowAgoBelongsToThePriorSpan() {
        // 91 days before the as-of day is outside (a - 91, a]; 90 days before is inside
        Transactions t = Transactions.of(List.of(buy("c", 200, "10"), buy("c", 150, "10"), buy("c", 91, "80"),
                buy("c", 90, "5")));
        LifecycleClassification c = only(t);
        assertThat(c.latestWindowSpend()).isEqualByComparingTo("5");
        assertThat(c.priorSpend()).isEqualByComparingTo("100");
        assertThat(c.priorWindows()).isEqualTo(2); // 200 / 91
    }

    @Test
    void explorationWhileTenureIsUnderOneWindow() {
        Transactions young = Transactions.of(List.of(buy("c", 90, "10"), buy("c", 60, "10"), buy("c", 30, "10"),
                buy("c", 1, "10")));
        LifecycleClassification c = only(young);
        assertThat(c.rule()).isEqualTo(LifecycleRule.EXPLORATION_TENURE);
        assertThat(c.priorWindows()).isZero();
        assertThat(c.trailingAverage()).isEqualByComparingTo("0");
        // tenure exactly one window: the tenure rule no longer holds; 0 prior spend and 10 latest is growth
        Transactions oneWindow = Transactions.of(List.of(buy("c", 91, "0"), buy("c", 60, "10"), buy("c", 30, "10")));
        assertThat(only(oneWindow).tenureDays()).isEqualTo(91);
        assertThat(only(oneWindow).rule()).isEqualTo(LifecycleRule.FORMATION_SPEND);
    }

    @Test
    void explorationUntilTwoRepeatPurchasesAndSameDayPurchasesAreOneOccasion() {
        Transactions oneRepeat = Transactions.of(List.of(buy("c", 200, "10"), buy("c", 10, "10"), buy("c", 10, "10")));
        LifecycleClassification c = only(oneRepeat);
        assertThat(c.repeatPurchases()).isEqualTo(1);
        assertThat(c.rule()).isEqualTo(LifecycleRule.EXPLORATION_REPEATS);
        Transactions twoRepeats = Transactions.of(List.of(buy("c", 200, "10"), buy("c", 11, "10"), buy("c", 10, "10")));
        assertThat(only(twoRepeats).repeatPurchases()).isEqualTo(2);
        assertThat(only(twoRepeats).stage()).isNotEqualTo(LifecycleStage.EXPLORATION);
    }

    @Test
    void probabilityAliveDecidesDeclineAndEndAtTheirThresholds() {
        Transactions steady = trend("100");
        assertThat(only(steady, OptionalDouble.of(0.5)).stage()).isEqualTo(LifecycleStage.STABILITY);
        LifecycleClassification weak = only(steady, OptionalDouble.of(0.4999));
        assertThat(weak.rule()).isEqualTo(LifecycleRule.DECLINE_PROBABILITY_ALIVE);
        assertThat(weak.explanation()).contains("P(alive) 0.4999 < 0.5");
        assertThat(only(steady, OptionalDouble.of(0.1)).rule()).isEqualTo(LifecycleRule.DECLINE_PROBABILITY_ALIVE);
        LifecycleClassification gone = only(steady, OptionalDouble.of(0.0999));
        assertThat(gone.stage()).isEqualTo(LifecycleStage.ENDED);
        assertThat(gone.rule()).isEqualTo(LifecycleRule.ENDED_PROBABILITY_ALIVE);
    }

    @Test
    void endedComesBeforeExplorationAndExplorationBeforeDecline() {
        Transactions newcomer = Transactions.of(List.of(buy("c", 30, "10")));
        assertThat(only(newcomer, OptionalDouble.of(0.05)).stage()).isEqualTo(LifecycleStage.ENDED);
        assertThat(only(newcomer, OptionalDouble.of(0.3)).stage()).isEqualTo(LifecycleStage.EXPLORATION);
    }

    @Test
    void theOptionalInactivityRuleEndsARelationshipAtItsLimit() {
        LifecycleClassifier strict = LifecycleClassifier.of(LifecyclePolicy.defaults().withEndedAfterInactiveDays(180));
        Transactions t180 = Transactions.of(List.of(buy("c", 400, "10"), buy("c", 300, "10"), buy("c", 180, "10")));
        Transactions t179 = Transactions.of(List.of(buy("c", 400, "10"), buy("c", 300, "10"), buy("c", 179, "10")));
        LifecycleClassification ended = strict.classify(t180, "c", AS_OF, OptionalDouble.empty()).orElseThrow();
        assertThat(ended.rule()).isEqualTo(LifecycleRule.ENDED_INACTIVE);
        assertThat(ended.explanation()).contains("no purchase for 180 days >= 180");
        assertThat(strict.classify(t179, "c", AS_OF, OptionalDouble.empty()).orElseThrow().rule())
                .isEqualTo(LifecycleRule.DECLINE_SPEND);
    }

    @Test
    void refundsCountInSpendFlooredAtZeroAndLaterTransactionsAreIgnored() {
        Transactions t = Transactions.of(List.of(buy("c", 300, "100"), buy("c", 200, "100"), buy("c", 50, "30"),
                buy("c", 20, "-50"), buy("c", -5, "1000")));
        LifecycleClassification c = only(t);
        assertThat(c.latestWindowSpend()).isEqualByComparingTo("0");
        assertThat(c.repeatPurchases()).isEqualTo(2);
        assertThat(c.daysSinceLastPurchase()).isEqualTo(50);
        assertThat(c.rule()).isEqualTo(LifecycleRule.DECLINE_SPEND);
    }

    @Test
    void customersWithoutAPurchaseByTheAsOfDayAreLeftOut() {
        Transactions t = Transactions.of(List.of(buy("later", -1, "10"), buy("refund", 10, "-5"), buy("c", 5, "1")));
        assertThat(DEFAULT.classify(t, "later", AS_OF, OptionalDouble.empty())).isEmpty();
        assertThat(DEFAULT.classify(t, "unknown", AS_OF, OptionalDouble.empty())).isEmpty();
        assertThat(DEFAULT.classifyAll(t, AS_OF)).extracting(LifecycleClassification::customerId).containsExactly("c");
        assertThat(DEFAULT.classifyAll(Transactions.of(List.of(buy("later", -1, "10"))), AS_OF,
                new BgNbdModel(0.243, 4.414, 0.793, 2.426), PeriodUnit.WEEK)).isEmpty();
    }

    @Test
    void theBatchPathTakesProbabilityAliveFromTheModelOnTheCalibrationSummary() {
        List<Transaction> list = new ArrayList<>();
        list.addAll(List.of(buy("a", 300, "10"), buy("a", 280, "10"), buy("a", 270, "10")));
        list.addAll(List.of(buy("b", 182, "100"), buy("b", 100, "100"), buy("b", 10, "100")));
        Transactions t = Transactions.of(list);
        BgNbdModel model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        List<LifecycleClassification> all = DEFAULT.classifyAll(t, AS_OF, model, PeriodUnit.WEEK);
        List<CalibrationSummary> cal = t.calibration(AS_OF, PeriodUnit.WEEK);
        for (int i = 0; i < 2; i++) {
            CalibrationSummary s = cal.get(i);
            double expected = model.probabilityAlive(s.frequency(), s.recency(), s.age());
            assertThat(all.get(i).probabilityAlive().getAsDouble()).isEqualTo(expected);
            assertThat(DEFAULT.classify(t, s.customerId(), AS_OF, model, PeriodUnit.WEEK).orElseThrow())
                    .isEqualTo(all.get(i));
        }
        // customer a bought three times long ago: BG/NBD thinks it is gone
        assertThat(all.get(0).stage()).isEqualTo(LifecycleStage.ENDED);
        assertThat(all.get(1).stage()).isEqualTo(LifecycleStage.STABILITY);
        assertThat(LifecycleClassifier.stageCounts(all)).containsEntry(LifecycleStage.ENDED, 1)
                .containsEntry(LifecycleStage.STABILITY, 1).containsEntry(LifecycleStage.DECLINE, 0).hasSize(5);
    }

    @Test
    void probabilitiesGivenByTheHostAreUsedAndChecked() {
        Transactions t = trend("100");
        assertThat(DEFAULT.classifyAll(t, AS_OF, Map.of("c", 0.3)).get(0).stage()).isEqualTo(LifecycleStage.DECLINE);
        assertThatThrownBy(() -> DEFAULT.classifyAll(t, AS_OF, Map.of("c", 1.5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("probabilityAlive");
    }

    @Test
    void thePolicyRejectsBadThresholds() {
        LifecyclePolicy d = LifecyclePolicy.defaults();
        assertThatThrownBy(() -> d.withWindowDays(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("windowDays");
        assertThatThrownBy(() -> d.withGrowth(-0.1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("growth");
        assertThatThrownBy(() -> d.withAliveThresholds(0.3, 0.4)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("endedBelowAlive");
        assertThatThrownBy(() -> d.withAliveThresholds(1.2, 0.1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("declineBelowAlive");
        assertThatThrownBy(() -> d.withMinRepeatPurchases(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> d.withEndedAfterInactiveDays(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DEFAULT.classifyAll(trend("1"), null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("asOf");
    }

    @Test
    void aWiderGrowthBandKeepsTheSameCustomerStable() {
        LifecycleClassifier wide = LifecycleClassifier.of(LifecyclePolicy.defaults().withGrowth(0.5));
        assertThat(wide.classify(trend("140"), "c", AS_OF, OptionalDouble.empty()).orElseThrow().stage())
                .isEqualTo(LifecycleStage.STABILITY);
        assertThat(only(trend("140")).stage()).isEqualTo(LifecycleStage.FORMATION);
    }
}
