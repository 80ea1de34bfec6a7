package org.crmkit.core.loyalty.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a {@link LoyaltyScore} came about: every indicator that counted (raw value, normalised value,
 * effective weight, contribution), every side that had data (its value and weights), and the sides
 * that had none. The contributions add up to the score. Immutable and thread-safe.
 *
 * @param components   the indicators that counted, in {@link LoyaltyIndicator} order; not null
 * @param sides        the sides with data, in {@link LoyaltySide} order; not null
 * @param missingSides the sides without data, whose weight went to the others; not null, unmodifiable
 * @since 0.1
 */
public record LoyaltyScoreExplanation(List<LoyaltyComponent> components, List<SideScore> sides,
                                      Set<LoyaltySide> missingSides) {

    /** @throws org.crmkit.spi.ValidationException naming a null component list */
    public LoyaltyScoreExplanation {
        components = List.copyOf(Checks.notNull("components", components));
        sides = List.copyOf(Checks.notNull("sides", sides));
        Set<LoyaltySide> missing = EnumSet.noneOf(LoyaltySide.class);
        missing.addAll(Checks.notNull("missingSides", missingSides));
        missingSides = Collections.unmodifiableSet(missing);
    }

    /** @return whether a side had no data, so the weights were renormalised over the others */
    public boolean weightsRenormalised() {
        return !missingSides.isEmpty();
    }

    /** @return the sum of the components' contributions (the score before clamping to 0..100) */
    public double totalContribution() {
        double sum = 0.0;
        for (LoyaltyComponent c : components) {
            sum += c.contribution();
        }
        return sum;
    }

    /**
     * @return one line per component and per missing side, for people (for example
     *         {@code "BEHAVIOURAL REPEAT_PURCHASE_RATE raw 0.7500 -> 75.0 x 0.111 = 8.33"}); not null
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LoyaltyComponent c : components) {
            out.add(String.format(Locale.ROOT, "%s %s raw %.4g -> %.1f x %.3f = %.2f", c.side(), c.indicator(),
                    c.rawValue(), c.normalised(), c.weight(), c.contribution()));
        }
        for (LoyaltySide s : missingSides) {
            out.add(s + " no data: its weight went to the other sides");
        }
        return List.copyOf(out);
    }
}
