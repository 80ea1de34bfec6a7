package org.crmkit.core.loyalty.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * A customer's loyalty score, 0..100, from the three sides of loyalty (domain §8), with the
 * explanation of how it came about and, when both axes have data, the customer's Dick and Basu class.
 *
 * <p><b>Formula.</b> Each indicator is normalised to 0..100 by the formula on its
 * {@link LoyaltyIndicator}. A side's value is the mean of its indicators' values (an indicator without
 * data, such as an unknown share of wallet, is left out, not counted as 0). The score is
 * {@code Σ w_s × side_s / Σ w_s}, summed over the sides with data, with the weights of
 * {@link LoyaltyWeights}; a side without data is listed in {@link #missingSides()} and its weight goes
 * to the others in proportion. Equivalently each indicator contributes {@code (w_s / Σ w) / k_s ×
 * normalised}, with {@code k_s} the side's number of indicators; {@link #explanation()} lists these
 * contributions and they add up to {@link #value()}. The result is clamped to [0, 100] only against
 * floating-point rounding in the last place.
 *
 * <p><b>Class.</b> Relative attitude is the weighted mean (same weights) of the attitudinal and
 * cognitive sides that have data, repeat patronage the behavioural side; the class is
 * {@link LoyaltyClass#of} of the two with the cut-offs of the settings, and empty when the behavioural
 * side or both attitude sides have no data.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LoyaltyScore {

    private final double value;
    private final Map<LoyaltySide, Double> sideValues;
    private final LoyaltyScoreExplanation explanation;
    private final OptionalDouble relativeAttitude;
    private final OptionalDouble repeatPatronage;
    private final Optional<LoyaltyClass> loyaltyClass;

    private LoyaltyScore(double value, Map<LoyaltySide, Double> sideValues, LoyaltyScoreExplanation explanation,
                         OptionalDouble relativeAttitude, OptionalDouble repeatPatronage,
                         Optional<LoyaltyClass> loyaltyClass) {
        this.value = value;
        this.sideValues = sideValues;
        this.explanation = explanation;
        this.relativeAttitude = relativeAttitude;
        this.repeatPatronage = repeatPatronage;
        this.loyaltyClass = loyaltyClass;
    }

    /**
     * Scores the inputs with the {@linkplain LoyaltyScoreSettings#standard() standard} settings.
     *
     * @see #of(LoyaltyInputs, LoyaltyScoreSettings)
     */
    public static LoyaltyScore of(LoyaltyInputs inputs) {
        return of(inputs, LoyaltyScoreSettings.standard());
    }

    /**
     * Scores the inputs.
     *
     * @param inputs   the inputs; not null, with data on at least one side
     * @param settings weights, reference values and class cut-offs; not null
     * @return the score with its explanation; never null
     * @throws ValidationException on {@code inputs} when no side has data, or naming a null argument
     */
    public static LoyaltyScore of(LoyaltyInputs inputs, LoyaltyScoreSettings settings) {
        Checks.notNull("inputs", inputs);
        Checks.notNull("settings", settings);
        Set<LoyaltySide> present = inputs.sidesWithData();
        if (present.isEmpty()) {
            throw new ValidationException("inputs", "must have data on at least one side of loyalty");
        }
        Map<LoyaltySide, List<double[]>> raw = new EnumMap<>(LoyaltySide.class);
        Map<LoyaltySide, List<LoyaltyIndicator>> indicators = new EnumMap<>(LoyaltySide.class);
        for (LoyaltySide s : present) {
            raw.put(s, new ArrayList<>());
            indicators.put(s, new ArrayList<>());
        }
        inputs.behavioural().ifPresent(b -> {
            add(raw, indicators, LoyaltyIndicator.REPEAT_PURCHASE_RATE, b.repeatPurchaseRate(),
                    100.0 * b.repeatPurchaseRate());
            add(raw, indicators, LoyaltyIndicator.PURCHASE_FREQUENCY, b.purchasesPerPeriod(),
                    saturating(b.purchasesPerPeriod(), settings.referencePurchasesPerPeriod()));
            add(raw, indicators, LoyaltyIndicator.TENURE, b.tenureDays(),
                    saturating(b.tenureDays(), settings.referenceTenureDays()));
            if (b.shareOfWallet().isPresent()) {
                double s = b.shareOfWallet().getAsDouble();
                add(raw, indicators, LoyaltyIndicator.SHARE_OF_WALLET, s, 100.0 * s);
            }
        });
        AttitudinalInputs a = inputs.attitudinal();
        if (!a.recommendationAnswers().isEmpty()) {
            double m = Checks.mean(a.recommendationAnswers());
            add(raw, indicators, LoyaltyIndicator.RECOMMENDATION, m, 10.0 * m);
        }
        if (!a.satisfactionAnswers().isEmpty()) {
            double m = Checks.mean(a.satisfactionAnswers());
            add(raw, indicators, LoyaltyIndicator.SATISFACTION, m, 25.0 * (m - 1.0));
        }
        CognitiveInputs c = inputs.cognitive();
        if (c.hasData()) {
            double m = Checks.mean(c.intentionAnswers());
            double min = c.scale().min();
            double max = c.scale().max();
            add(raw, indicators, LoyaltyIndicator.INTENTION_TO_REPURCHASE, m, 100.0 * (m - min) / (max - min));
        }

        LoyaltyWeights w = settings.weights();
        // only ratios matter: divide by the largest weight first, so that huge finite weights cannot overflow
        double largest = 0.0;
        for (LoyaltySide s : present) {
            largest = Math.max(largest, w.of(s));
        }
        double weightSum = 0.0;
        for (LoyaltySide s : present) {
            weightSum += w.of(s) / largest;
        }
        List<LoyaltyComponent> components = new ArrayList<>();
        List<SideScore> sides = new ArrayList<>();
        Map<LoyaltySide, Double> sideValues = new EnumMap<>(LoyaltySide.class);
        double total = 0.0;
        for (LoyaltySide s : present) {
            List<double[]> values = raw.get(s);
            double effective = w.of(s) / largest / weightSum;
            double each = effective / values.size();
            double sideSum = 0.0;
            for (int i = 0; i < values.size(); i++) {
                double normalised = values.get(i)[1];
                double contribution = each * normalised;
                components.add(new LoyaltyComponent(indicators.get(s).get(i), values.get(i)[0], normalised, each,
                        contribution));
                sideSum += normalised;
                total += contribution;
            }
            double sideValue = clamp(sideSum / values.size());
            sideValues.put(s, sideValue);
            sides.add(new SideScore(s, sideValue, w.of(s), effective));
        }
        Set<LoyaltySide> missing = EnumSet.allOf(LoyaltySide.class);
        missing.removeAll(present);
        LoyaltyScoreExplanation explanation = new LoyaltyScoreExplanation(components, sides, missing);

        OptionalDouble attitude = weightedMean(sideValues, w, LoyaltySide.ATTITUDINAL, LoyaltySide.COGNITIVE);
        OptionalDouble patronage = sideValues.containsKey(LoyaltySide.BEHAVIOURAL)
                ? OptionalDouble.of(sideValues.get(LoyaltySide.BEHAVIOURAL)) : OptionalDouble.empty();
        Optional<LoyaltyClass> cls = attitude.isPresent() && patronage.isPresent()
                ? Optional.of(LoyaltyClass.of(attitude.getAsDouble(), patronage.getAsDouble(),
                        settings.attitudeThreshold(), settings.patronageThreshold()))
                : Optional.empty();
        return new LoyaltyScore(clamp(total), sideValues, explanation, attitude, patronage, cls);
    }

    /** @return the score, 0..100 */
    public double value() {
        return value;
    }

    /** @return the value of {@code side} on 0..100, or empty when the side had no data */
    public OptionalDouble side(LoyaltySide side) {
        Objects.requireNonNull(side, "side must not be null");
        Double v = sideValues.get(side);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return the sides that had no data and did not count; unmodifiable */
    public Set<LoyaltySide> missingSides() {
        return explanation.missingSides();
    }

    /** @return how the score came about; never null */
    public LoyaltyScoreExplanation explanation() {
        return explanation;
    }

    /** @return relative attitude on 0..100 (attitudinal and cognitive sides), empty when neither had data */
    public OptionalDouble relativeAttitude() {
        return relativeAttitude;
    }

    /** @return repeat patronage on 0..100 (the behavioural side), empty when it had no data */
    public OptionalDouble repeatPatronage() {
        return repeatPatronage;
    }

    /** @return the Dick and Basu class, empty when attitude or patronage had no data */
    public Optional<LoyaltyClass> loyaltyClass() {
        return loyaltyClass;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LoyaltyScore[%.2f, sides=%s, missing=%s, class=%s]", value,
                sideValues, missingSides(), loyaltyClass.map(Enum::name).orElse("none"));
    }

    private static void add(Map<LoyaltySide, List<double[]>> raw, Map<LoyaltySide, List<LoyaltyIndicator>> names,
                            LoyaltyIndicator indicator, double rawValue, double normalised) {
        raw.get(indicator.side()).add(new double[] {rawValue, clamp(normalised)});
        names.get(indicator.side()).add(indicator);
    }

    /**
     * 100 x / (x + reference): 0 at 0, 50 at the reference, rising towards 100; computed as
     * 100 / (1 + reference / x) so that neither 100 x nor x + reference can overflow.
     */
    private static double saturating(double x, double reference) {
        return x == 0.0 ? 0.0 : 100.0 / (1.0 + reference / x);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(100.0, v));
    }

    private static OptionalDouble weightedMean(Map<LoyaltySide, Double> values, LoyaltyWeights w,
                                               LoyaltySide... sides) {
        double largest = 0.0;
        for (LoyaltySide s : sides) {
            largest = Math.max(largest, w.of(s));
        }
        double sum = 0.0;
        double weights = 0.0;
        for (LoyaltySide s : sides) {
            Double v = values.get(s);
            if (v != null) {
                sum += w.of(s) / largest * v;
                weights += w.of(s) / largest;
            }
        }
        return weights == 0.0 ? OptionalDouble.empty() : OptionalDouble.of(clamp(sum / weights));
    }
}
