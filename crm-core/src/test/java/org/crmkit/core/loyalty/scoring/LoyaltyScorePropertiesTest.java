package org.crmkit.core.loyalty.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the loyalty score and the churn risk over random inputs. */
class LoyaltyScorePropertiesTest {

    private static final double EPS = 1e-9;

    /** Behavioural inputs, absent one time in four; share of wallet unknown when the drawn value is negative. */
    private static final Gen<Optional<BehaviouralInputs>> BEHAVIOURAL = doubles().between(0.0, 1.0)
            .zip(doubles().between(0.0, 30.0), doubles().between(0.0, 5000.0), doubles().between(-1.0, 1.0),
                    (r, f, d, s) -> new BehaviouralInputs(r, f, d,
                            s < 0 ? OptionalDouble.empty() : OptionalDouble.of(s)))
            .zip(integers().between(0, 3), (b, present) -> present == 0 ? Optional.<BehaviouralInputs>empty()
                    : Optional.of(b));

    private static final Gen<AttitudinalInputs> ATTITUDINAL = lists().of(integers().between(0, 10)).ofSizeBetween(0, 6)
            .zip(lists().of(integers().between(1, 5)).ofSizeBetween(0, 6), AttitudinalInputs::new);

    private static final Gen<CognitiveInputs> COGNITIVE = lists().of(integers().between(1, 5)).ofSizeBetween(0, 4)
            .map(CognitiveInputs::onFivePointScale);

    private static final Gen<LoyaltyInputs> INPUTS = BEHAVIOURAL.zip(ATTITUDINAL, COGNITIVE, LoyaltyInputs::new)
            .assuming(i -> !i.sidesWithData().isEmpty());

    private static final Gen<LoyaltyWeights> WEIGHTS = doubles().between(0.01, 100.0)
            .zip(doubles().between(0.01, 100.0), doubles().between(0.01, 100.0), LoyaltyWeights::new);

    @Test
    void theScoreLiesInZeroToHundredAndIsTheSumOfItsContributions() {
        qt().withExamples(2000).withFixedSeed(11L).forAll(INPUTS, WEIGHTS).checkAssert((inputs, w) -> {
            LoyaltyScore s = LoyaltyScore.of(inputs, LoyaltyScoreSettings.standard().withWeights(w));
            assertThat(s.value()).isBetween(0.0, 100.0);
            LoyaltyScoreExplanation e = s.explanation();
            assertThat(e.totalContribution()).isCloseTo(s.value(), within(EPS));
            assertThat(e.components().stream().mapToDouble(LoyaltyComponent::weight).sum()).isCloseTo(1.0, within(EPS));
            assertThat(e.sides().stream().mapToDouble(SideScore::effectiveWeight).sum()).isCloseTo(1.0, within(EPS));
            for (LoyaltyComponent c : e.components()) {
                assertThat(c.normalised()).isBetween(0.0, 100.0);
                assertThat(c.contribution()).isCloseTo(c.weight() * c.normalised(), within(EPS));
            }
            // a missing side is reported, never scored as 0
            for (LoyaltySide side : LoyaltySide.values()) {
                assertThat(s.side(side).isPresent()).isEqualTo(inputs.hasData(side));
                assertThat(s.missingSides().contains(side)).isEqualTo(!inputs.hasData(side));
            }
            assertThat(s.loyaltyClass().isPresent()).isEqualTo(inputs.hasData(LoyaltySide.BEHAVIOURAL)
                    && (inputs.hasData(LoyaltySide.ATTITUDINAL) || inputs.hasData(LoyaltySide.COGNITIVE)));
        });
    }

    @Test
    void scalingAllWeightsLeavesTheScoreUnchanged() {
        qt().withExamples(1000).withFixedSeed(12L)
                .forAll(INPUTS, WEIGHTS, doubles().between(0.001, 1000.0)).checkAssert((inputs, w, k) -> {
                    LoyaltyWeights scaled = new LoyaltyWeights(k * w.behavioural(), k * w.attitudinal(),
                            k * w.cognitive());
                    double a = LoyaltyScore.of(inputs, LoyaltyScoreSettings.standard().withWeights(w)).value();
                    double b = LoyaltyScore.of(inputs, LoyaltyScoreSettings.standard().withWeights(scaled)).value();
                    assertThat(b).isCloseTo(a, within(1e-9));
                });
    }

    @Test
    void raisingAnyBehaviouralInputNeverLowersTheSideOrTheScore() {
        qt().withExamples(2000).withFixedSeed(13L)
                .forAll(INPUTS, integers().between(0, 3), doubles().between(0.0, 1.0))
                .checkAssert((inputs, which, step) -> {
                    BehaviouralInputs b = inputs.behavioural().orElse(BehaviouralInputs.of(0, 0, 0));
                    LoyaltyInputs before = inputs.withBehavioural(b);
                    BehaviouralInputs raised = switch (which) {
                        case 0 -> new BehaviouralInputs(b.repeatPurchaseRate() + step * (1 - b.repeatPurchaseRate()),
                                b.purchasesPerPeriod(), b.tenureDays(), b.shareOfWallet());
                        case 1 -> new BehaviouralInputs(b.repeatPurchaseRate(), b.purchasesPerPeriod() + 10 * step,
                                b.tenureDays(), b.shareOfWallet());
                        case 2 -> new BehaviouralInputs(b.repeatPurchaseRate(), b.purchasesPerPeriod(),
                                b.tenureDays() + 1000 * step, b.shareOfWallet());
                        default -> b.shareOfWallet().isPresent()
                                ? b.withShareOfWallet(b.shareOfWallet().getAsDouble()
                                + step * (1 - b.shareOfWallet().getAsDouble()))
                                : b;
                    };
                    LoyaltyScore s0 = LoyaltyScore.of(before);
                    LoyaltyScore s1 = LoyaltyScore.of(inputs.withBehavioural(raised));
                    assertThat(s1.side(LoyaltySide.BEHAVIOURAL).getAsDouble())
                            .isGreaterThanOrEqualTo(s0.side(LoyaltySide.BEHAVIOURAL).getAsDouble() - EPS);
                    assertThat(s1.value()).isGreaterThanOrEqualTo(s0.value() - EPS);
                });
    }

    @Test
    void raisingAnyAnswerNeverLowersTheScore() {
        qt().withExamples(2000).withFixedSeed(14L)
                .forAll(INPUTS, integers().between(0, 2), integers().between(0, 100))
                .checkAssert((inputs, which, pick) -> {
                    List<Integer> rec = new ArrayList<>(inputs.attitudinal().recommendationAnswers());
                    List<Integer> sat = new ArrayList<>(inputs.attitudinal().satisfactionAnswers());
                    List<Integer> intent = new ArrayList<>(inputs.cognitive().intentionAnswers());
                    List<Integer> target = which == 0 ? rec : which == 1 ? sat : intent;
                    int max = which == 0 ? 10 : 5;
                    if (target.isEmpty()) {
                        return;
                    }
                    int i = pick % target.size();
                    target.set(i, Math.min(max, target.get(i) + 1));
                    LoyaltyInputs raised = inputs.withAttitudinal(new AttitudinalInputs(rec, sat))
                            .withCognitive(CognitiveInputs.onFivePointScale(intent));
                    assertThat(LoyaltyScore.of(raised).value())
                            .isGreaterThanOrEqualTo(LoyaltyScore.of(inputs).value() - EPS);
                });
    }

    @Test
    void anotherPurchaseNeverLowersTheBehaviouralSideGatheredFromRecords() {
        LocalDate today = LocalDate.of(2026, 5, 4);
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        qt().withExamples(1000).withFixedSeed(15L)
                .forAll(lists().of(integers().between(0, 720)).ofSizeBetween(0, 30), integers().between(0, 720),
                        integers().between(720, 1500))
                .checkAssert((daysAgo, extra, tenure) -> {
                    List<LocalDate> days = daysAgo.stream().map(today::minusDays).toList();
                    List<LocalDate> more = new ArrayList<>(days);
                    more.add(today.minusDays(extra));
                    LocalDate since = today.minusDays(tenure);
                    CustomerActivity before = new CustomerActivity(customer, today, since, days, List.of());
                    CustomerActivity after = new CustomerActivity(customer, today, since, more, List.of());
                    double b1 = LoyaltyScore.of(after.toInputs(StatedAnswers.none(), LoyaltyScoreSettings.standard()))
                            .side(LoyaltySide.BEHAVIOURAL).getAsDouble();
                    double b0 = before.occasions() == 0 ? 0.0
                            : LoyaltyScore.of(before.toInputs(StatedAnswers.none(), LoyaltyScoreSettings.standard()))
                            .side(LoyaltySide.BEHAVIOURAL).getAsDouble();
                    assertThat(b1).isGreaterThanOrEqualTo(b0 - EPS);
                    assertThat(after.occasions()).isBetween(before.occasions(), before.occasions() + 1);
                });
    }

    @Test
    void modelChurnRiskIsInZeroToOneAndOneMinusProbabilityAlive() {
        qt().withExamples(2000).withFixedSeed(16L)
                .forAll(integers().between(0, 60), doubles().between(0.0, 1.0), doubles().between(0.0, 200.0),
                        integers().between(0, 1))
                .checkAssert((x, share, age, which) -> {
                    double tx = x == 0 ? 0.0 : share * age;
                    PurchaseHistory h = PurchaseHistory.of(x, tx, age);
                    var model = which == 0 ? ChurnRiskTest.CDNOW_BG_NBD : ChurnRiskTest.CDNOW_PARETO_NBD;
                    ChurnRisk r = ChurnRisk.fromModel(model, h, ChurnRiskBands.standard());
                    assertThat(r.risk()).isBetween(0.0, 1.0);
                    assertThat(r.risk()).isCloseTo(1.0 - model.probabilityAlive(h), within(1e-15));
                    assertThat(r.band()).isEqualTo(ChurnRiskBands.standard().bandOf(r.risk()));
                });
    }

    @Test
    void fallbackChurnRiskIsInZeroToOneAndGrowsWithTheSilence() {
        qt().withExamples(2000).withFixedSeed(17L)
                .forAll(doubles().between(0.0, 5000.0), doubles().between(0.0, 500.0), doubles().between(0.5, 400.0))
                .checkAssert((gap, more, mean) -> {
                    double r0 = ChurnRisk.fromRecency(gap, mean, ChurnRiskBands.standard()).risk();
                    double r1 = ChurnRisk.fromRecency(gap + more, mean, ChurnRiskBands.standard()).risk();
                    assertThat(r0).isBetween(0.0, 1.0);
                    assertThat(r1).isGreaterThanOrEqualTo(r0);
                    assertThat(r0).isCloseTo(1.0 - Math.exp(-gap / mean), within(1e-12));
                });
    }

    @Test
    void purchaseHistoryFromActivityIsValidForTheModels() {
        LocalDate today = LocalDate.of(2026, 5, 4);
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        qt().withExamples(500).withFixedSeed(18L)
                .forAll(lists().of(integers().between(0, 720)).ofSizeBetween(1, 30))
                .checkAssert(daysAgo -> {
                    List<LocalDate> days = daysAgo.stream().map(today::minusDays).toList();
                    CustomerActivity a = new CustomerActivity(customer, today, today.minusDays(800), days, List.of());
                    PurchaseHistory h = a.purchaseHistory(PeriodUnit.WEEK).orElseThrow();
                    assertThat(h.frequency()).isEqualTo(a.occasions() - 1);
                    assertThat(h.recency()).isBetween(0.0, h.age());
                    ChurnRisk r = ChurnRisk.fromModel(ChurnRiskTest.CDNOW_BG_NBD, h, ChurnRiskBands.standard());
                    assertThat(r.risk()).isBetween(0.0, 1.0);
                });
    }
}
