package org.crmkit.core.loyalty.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a ValidationException naming the field. */
class LoyaltyInputValidationTest {

    private static void refused(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void behaviouralInputsMustBeInRange() {
        refused("repeatPurchaseRate", () -> BehaviouralInputs.of(1.5, 1, 1));
        refused("repeatPurchaseRate", () -> BehaviouralInputs.of(-0.1, 1, 1));
        refused("repeatPurchaseRate", () -> BehaviouralInputs.of(Double.NaN, 1, 1));
        refused("purchasesPerPeriod", () -> BehaviouralInputs.of(0.5, -1, 1));
        refused("purchasesPerPeriod", () -> BehaviouralInputs.of(0.5, Double.POSITIVE_INFINITY, 1));
        refused("tenureDays", () -> BehaviouralInputs.of(0.5, 1, -3));
        refused("shareOfWallet", () -> BehaviouralInputs.of(0.5, 1, 1).withShareOfWallet(1.2));
        refused("shareOfWallet", () -> new BehaviouralInputs(0.5, 1, 1, null));
        refused("occasions", () -> BehaviouralInputs.repeatRate(-1));
    }

    @Test
    void answersMustLieOnTheirScale() {
        refused("recommendationAnswers[1]", () -> new AttitudinalInputs(List.of(3, 11), List.of()));
        refused("recommendationAnswers[0]", () -> new AttitudinalInputs(List.of(-1), List.of()));
        refused("satisfactionAnswers[0]", () -> new AttitudinalInputs(List.of(), List.of(0)));
        refused("satisfactionAnswers[2]", () -> new AttitudinalInputs(List.of(), Arrays.asList(1, 2, null)));
        refused("satisfactionAnswers", () -> new AttitudinalInputs(List.of(), null));
        refused("intentionAnswers[0]", () -> CognitiveInputs.onFivePointScale(List.of(6)));
        refused("scale", () -> new CognitiveInputs(List.of(1), null));
        refused("recommendationAnswers[0]", () -> StatedAnswers.none().withRecommendation(List.of(12)));
        refused("shareOfWallet", () -> StatedAnswers.none().withShareOfWallet(-0.2));
    }

    @Test
    void weightsAndSettingsMustBePositive() {
        refused("behavioural", () -> new LoyaltyWeights(0, 1, 1));
        refused("attitudinal", () -> new LoyaltyWeights(1, -1, 1));
        refused("cognitive", () -> new LoyaltyWeights(1, 1, Double.NaN));
        refused("referencePurchasesPerPeriod", () -> LoyaltyScoreSettings.standard().withFrequency(PeriodUnit.DAY, 0));
        refused("referenceTenureDays", () -> LoyaltyScoreSettings.standard().withReferenceTenureDays(-5));
        refused("attitudeThreshold", () -> LoyaltyScoreSettings.standard().withClassThresholds(101, 50));
        refused("patronageThreshold", () -> LoyaltyScoreSettings.standard().withClassThresholds(50, 0));
        refused("weights", () -> LoyaltyScoreSettings.standard().withWeights(null));
        refused("settings", () -> LoyaltyScore.of(LoyaltyInputs.none(), null));
    }

    @Test
    void churnInputsAndBandsMustBeInRange() {
        refused("mediumFrom", () -> new ChurnRiskBands(0.6, 0.5));
        refused("mediumFrom", () -> new ChurnRiskBands(0.0, 0.5));
        refused("highFrom", () -> new ChurnRiskBands(0.2, 1.5));
        refused("risk", () -> ChurnRiskBands.standard().bandOf(1.01));
        refused("daysSinceLastPurchase", () -> ChurnRisk.fromRecency(-1, 10, ChurnRiskBands.standard()));
        refused("meanDaysBetweenPurchases", () -> ChurnRisk.fromRecency(1, 0, ChurnRiskBands.standard()));
        refused("bands", () -> ChurnRisk.fromRecency(1, 1, null));
    }

    @Test
    void activityMustBeConsistent() {
        CustomerId c = CustomerId.of(java.util.UUID.randomUUID());
        LocalDate today = LocalDate.of(2026, 5, 4);
        refused("customerSince", () -> new CustomerActivity(c, today, today.plusDays(1), List.of(), List.of()));
        refused("purchaseDays[0]", () -> new CustomerActivity(c, today, today.minusDays(5),
                List.of(today.plusDays(1)), List.of()));
        refused("purchaseDays[1]", () -> new CustomerActivity(c, today, today.minusDays(5),
                List.of(today, today.minusDays(6)), List.of()));
        refused("satisfactionAnswers[0]", () -> new CustomerActivity(c, today, today, List.of(), List.of(6)));
        refused("shareOfWallet", () -> new CustomerActivity(c, today, today, List.of(today), List.of())
                .behaviouralInputs(PeriodUnit.MONTH, null));
        assertThat(new CustomerActivity(c, today, today, List.of(today), List.of())
                .behaviouralInputs(PeriodUnit.MONTH, OptionalDouble.empty())).isPresent();
    }
}
