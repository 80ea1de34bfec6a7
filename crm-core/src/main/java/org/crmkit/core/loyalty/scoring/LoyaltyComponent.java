package org.crmkit.core.loyalty.scoring;

/**
 * One line of a {@link LoyaltyScoreExplanation}: an indicator, its raw value, its value normalised to
 * 0..100, its effective weight in the whole score and its contribution ({@code weight × normalised}).
 * The contributions of all components add up to the score. Immutable and thread-safe.
 *
 * @param indicator  what was measured; not null
 * @param rawValue   the input (a rate, a frequency, days, or the mean answer)
 * @param normalised the raw value on 0..100, by the indicator's formula
 * @param weight     the effective weight in the score: the side's renormalised weight divided among
 *                   the side's indicators; the weights of all components add up to 1
 * @param contribution {@code weight × normalised}, in score points
 * @since 0.1
 */
public record LoyaltyComponent(LoyaltyIndicator indicator, double rawValue, double normalised, double weight,
                               double contribution) {

    /** @throws org.crmkit.spi.ValidationException on a null indicator or a value out of its range */
    public LoyaltyComponent {
        Checks.notNull("indicator", indicator);
        Checks.between("normalised", normalised, 0.0, 100.0);
        Checks.between("weight", weight, 0.0, 1.0);
        Checks.nonNegative("contribution", contribution);
    }

    /** @return the side the indicator belongs to */
    public LoyaltySide side() {
        return indicator.side();
    }
}
