package org.crmkit.core.analytics.value;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;

/**
 * The relationship level Kotler's matrix gives for a market (domain §3), with the bands it was read
 * from. One cell (many customers, low margin) allows two levels: {@link #candidates()} lists both and
 * {@link #level()} is the stated default.
 *
 * @param customerBase the row: how many customers
 * @param margin       the column: the unit margin band
 * @param level        the recommended level (the default when there are two candidates)
 * @param candidates   the levels the cell allows, least involved first; contains {@code level}
 * @param rationale    why, in plain words
 * @since 0.1
 */
public record LevelRecommendation(CustomerBase customerBase, MarginLevel margin, RelationshipLevel level,
                                  List<RelationshipLevel> candidates, String rationale) {

    /** Validates the recommendation. */
    public LevelRecommendation {
        if (customerBase == null || margin == null || level == null || candidates == null || rationale == null) {
            throw new ValidationException("recommendation", "no field may be null");
        }
        candidates = List.copyOf(candidates);
        if (!candidates.contains(level)) {
            throw new ValidationException("level", "must be one of the candidates " + candidates, level);
        }
    }

    /** @return whether the cell allows more than one level */
    public boolean hasAlternatives() {
        return candidates.size() > 1;
    }

    /** @return one sentence with the cell and the level */
    public String explanation() {
        String cell = customerBase.name().toLowerCase(Locale.ROOT) + " customers, "
                + margin.name().toLowerCase(Locale.ROOT) + " margin";
        String levels = candidates.stream().map(l -> l.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
        return cell + ": " + levels + (hasAlternatives() ? " (default " + level.name().toLowerCase(Locale.ROOT) + ")" : "")
                + " - " + rationale;
    }
}
